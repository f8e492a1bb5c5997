// Addresses of status-report pages, without the locale (pure: used by queries, mutations and e-mails).

/** Where a report lives: the same address before and after it is first saved. */
export function reportPath(cycleCode: string, entityCode: string, commitmentId: string): string {
  return `/reports/${encodeURIComponent(cycleCode)}/${encodeURIComponent(entityCode)}/${encodeURIComponent(commitmentId)}`;
}
