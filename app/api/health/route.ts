// Health for operators, load balancers and the container's HEALTHCHECK: the database's state
// (reachable, latency) and the migrations' level (lib/db/health.ts). 200 when healthy; 503 when
// the database does not answer or the code is newer than its schema. No secrets: states only.
import { db } from '@/lib/db';
import { checkHealth } from '@/lib/db/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const { healthy, report } = await checkHealth(db);
  return Response.json(report, { status: healthy ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
