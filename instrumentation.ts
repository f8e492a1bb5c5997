// Next calls register() once when a server process starts (never during `next build`): this is
// where the job queue (e-mail, deadline reminders) starts with the application, so that no
// other service is needed. JOBS=0 keeps a process from running it (lib/jobs/queue.ts).
export async function register() {
  // Next sets NEXT_RUNTIME and inlines it per bundle, so the edge bundle drops the Node-only import.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME === 'nodejs') await (await import('@/lib/jobs/queue')).startJobsWithApp();
}
