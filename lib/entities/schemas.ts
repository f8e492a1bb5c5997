import { z } from 'zod';
import { RegionalGroup } from '@/lib/generated/prisma/enums';

/** Directory filters from the query string; anything unknown is ignored, not an error. */
export const entityFiltersSchema = z.object({
  group: z.enum(RegionalGroup).optional().catch(undefined),
  kind: z.enum(['states', 'organizations']).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined).transform((value) => value || undefined),
});

export type EntityFilters = z.infer<typeof entityFiltersSchema>;

export function parseEntityFilters(query: Record<string, string | string[] | undefined>): EntityFilters {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return entityFiltersSchema.parse({ group: first(query.group), kind: first(query.kind), q: first(query.q) });
}
