// The outbox as the administrator reads it: every e-mail the application wrote, sent or not,
// newest first. E-mails name people and what they reported, so only `outbox.read` (administrators).
import 'server-only';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { db } from '@/lib/db';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import type { OutboxState } from '@/lib/generated/prisma/enums';
import { smtpConfigured } from './mailer';

export const OUTBOX_STATES = ['PENDING', 'SENDING', 'SENT', 'FAILED'] as const satisfies readonly OutboxState[];
export const OUTBOX_PAGE_SIZE = 50;

const filtersSchema = z.object({
  state: z.enum(OUTBOX_STATES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export type OutboxFilters = Partial<z.infer<typeof filtersSchema>>;

type Query = Record<string, string | string[] | undefined>;
export const parseOutboxFilters = (query: Query): OutboxFilters =>
  filtersSchema.parse(Object.fromEntries(Object.entries(query).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])));

export type OutboxRow = {
  id: string;
  toEmail: string;
  subject: string;
  body: string;
  locale: string;
  state: OutboxState;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

export type OutboxPage = {
  /** Whether e-mails leave at all (SMTP_URL is set). */
  smtpConfigured: boolean;
  rows: OutboxRow[];
  total: number;
  page: number;
  pages: number;
  /** How many e-mails are in each state, whatever the filter. */
  counts: Record<OutboxState, number>;
};

export async function listOutbox(user: SessionUser, filters: OutboxFilters): Promise<OutboxPage> {
  if (!can(user, 'outbox.read')) notFound();
  const where = filters.state ? { state: filters.state } : {};
  const [total, byState] = await Promise.all([
    db.outboxEmail.count({ where }),
    db.outboxEmail.groupBy({ by: ['state'], _count: { _all: true } }),
  ]);
  const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pages);
  const rows = await db.outboxEmail.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * OUTBOX_PAGE_SIZE,
    take: OUTBOX_PAGE_SIZE,
    select: { id: true, toEmail: true, subject: true, body: true, locale: true, state: true, attempts: true, lastError: true, createdAt: true, sentAt: true },
  });
  const counts = Object.fromEntries(OUTBOX_STATES.map((state) => [state, 0])) as Record<OutboxState, number>;
  for (const row of byState) counts[row.state] = row._count._all;
  return { smtpConfigured: smtpConfigured(), rows, total, page, pages, counts };
}
