// The regional groups in the order the directory offers them.
import type { RegionalGroup } from '@/lib/generated/prisma/enums';

export const REGIONAL_GROUPS: RegionalGroup[] = [
  'AFRICAN', 'ASIA_PACIFIC', 'EASTERN_EUROPEAN', 'LATIN_AMERICAN_CARIBBEAN', 'WESTERN_EUROPEAN_OTHERS',
];
