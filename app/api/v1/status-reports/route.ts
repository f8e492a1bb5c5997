// GET /api/v1/status-reports?cycle=&area=&entity=&state=&cursor=&limit=: the status reports the
// caller may read, a page at a time (keyset on the id; `nextCursor` is null on the last page).
import type { NextRequest } from 'next/server';
import { openDataGet } from '@/lib/open-data/respond';
import { listOpenStatusReports } from '@/lib/open-data/queries';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  return openDataGet(request, ({ user, query }) => listOpenStatusReports(user, query), {
    parameters: ['cycle', 'area', 'entity', 'state', 'cursor', 'limit'],
  });
}
