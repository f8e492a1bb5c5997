// What a summary page or request asks for, from the query string; anything malformed is ignored.
import { z } from 'zod';
import type { RegionalGroup } from '@/lib/generated/prisma/enums';
import type { SummaryRequest } from './queries';

const text = (max: number) => z.string().trim().max(max).optional().catch(undefined).transform((value) => value || undefined);

const schema = z.object({
  cycle: text(40),
  instrument: text(40),
  kind: z.enum(['MEMBER_STATE', 'OTHER']).optional().catch(undefined),
  group: z.enum(['AFRICAN', 'ASIA_PACIFIC', 'EASTERN_EUROPEAN', 'LATIN_AMERICAN_CARIBBEAN', 'WESTERN_EUROPEAN_OTHERS']).optional().catch(undefined),
  version: z.enum(['published']).optional().catch(undefined),
});

export function parseSummaryRequest(query: Record<string, string | string[] | undefined>): SummaryRequest {
  const first = Object.fromEntries(Object.entries(query).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = schema.parse(first);
  return {
    cycle: parsed.cycle,
    version: parsed.version,
    filters: { instrument: parsed.instrument, entityKind: parsed.kind, group: parsed.group as RegionalGroup | undefined },
  };
}
