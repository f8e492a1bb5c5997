// Filters of the worklist and the review queue, from the query string. Anything malformed is
// ignored (the whole list is shown), never an error.
import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max).optional().catch(undefined).transform((value) => value || undefined);
/** A page number; anything else is the first page. */
const page = z.coerce.number().int().min(1).max(100_000).optional().catch(undefined);
const area = z.string().trim().regex(/^TA\d(\.\d)?$/i).optional().catch(undefined).transform((value) => value?.toUpperCase() || undefined);

export const WORKLIST_STATES = ['NOT_REPORTED', 'DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED'] as const;
export const REVIEW_STATES = ['SUBMITTED', 'RETURNED', 'ACCEPTED', 'DRAFT'] as const;
export const REGIONAL_GROUPS = ['AFRICAN', 'ASIA_PACIFIC', 'EASTERN_EUROPEAN', 'LATIN_AMERICAN_CARIBBEAN', 'WESTERN_EUROPEAN_OTHERS'] as const;

const worklistSchema = z.object({
  entity: text(40),
  area,
  state: z.enum(WORKLIST_STATES).optional().catch(undefined),
  q: text(200),
  /** A contributor's id, "none" (not assigned) or "ready" (handed over, waiting to be submitted). */
  assignee: text(40),
  page,
});

const reviewSchema = z.object({
  entity: text(40),
  group: z.enum(REGIONAL_GROUPS).optional().catch(undefined),
  area,
  instrument: text(40),
  cycle: text(40),
  state: z.enum(REVIEW_STATES).optional().catch(undefined),
  /** The reports behind a number of a summary: one status, one commitment. */
  status: z.enum(['NOT_STARTED', 'IN_PROGRESS', 'SUBSTANTIALLY_IMPLEMENTED', 'FULLY_IMPLEMENTED', 'NOT_APPLICABLE']).optional().catch(undefined),
  commitment: text(40),
  /** Member States only, or the other entities only. */
  kind: z.enum(['MEMBER_STATE', 'OTHER']).optional().catch(undefined),
  page,
});

export type WorklistFilters = Partial<z.infer<typeof worklistSchema>>;
export type ReviewFilters = Partial<z.infer<typeof reviewSchema>>;

type Query = Record<string, string | string[] | undefined>;
const first = (query: Query) => Object.fromEntries(Object.entries(query).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));

export const parseWorklistFilters = (query: Query): WorklistFilters => worklistSchema.parse(first(query));
export const parseReviewFilters = (query: Query): ReviewFilters => reviewSchema.parse(first(query));
