// Message keys for entity attributes, so that pages and tests name them the same way.
import type { EntityKind, RegionalGroup } from '@/lib/generated/prisma/enums';

export const REGIONAL_GROUPS: RegionalGroup[] = [
  'AFRICAN', 'ASIA_PACIFIC', 'EASTERN_EUROPEAN', 'LATIN_AMERICAN_CARIBBEAN', 'WESTERN_EUROPEAN_OTHERS',
];

export const ENTITY_KINDS: EntityKind[] = [
  'MEMBER_STATE', 'OBSERVER_STATE', 'UN_ENTITY', 'INTERGOVERNMENTAL_ORGANIZATION', 'NON_GOVERNMENTAL_ORGANIZATION',
];
