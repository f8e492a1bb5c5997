import { z } from 'zod';

/** Catalogue filters from the query string; anything malformed is ignored, not an error. */
export const commitmentFiltersSchema = z.object({
  instrument: z.string().trim().max(40).optional().catch(undefined).transform((value) => value || undefined),
  area: z.string().trim().max(10).regex(/^TA\d(\.\d)?$/i).optional().catch(undefined).transform((value) => value?.toUpperCase() || undefined),
  q: z.string().trim().max(200).optional().catch(undefined).transform((value) => value || undefined),
});

export type CommitmentFilters = z.input<typeof commitmentFiltersSchema>;

export function parseCommitmentFilters(query: Record<string, string | string[] | undefined>) {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return commitmentFiltersSchema.parse({ instrument: first(query.instrument), area: first(query.area), q: first(query.q) });
}
