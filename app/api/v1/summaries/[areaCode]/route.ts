import type { NextRequest } from 'next/server';
import { badRequest, openDataGet } from '@/lib/open-data/respond';
import { summaryForApi } from '@/lib/summaries/open-data';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest, { params }: { params: Promise<{ areaCode: string }> }) {
  const { areaCode } = await params;
  return openDataGet(request, async ({ user, query }) => {
    const cycle = query.text('cycle', 40);
    if (!cycle) throw badRequest('Give the cycle: ?cycle=<code> (GET /api/v1/cycles lists them).');
    const version = query.choice('version', ['published'] as const);
    return summaryForApi(user, areaCode.slice(0, 10), cycle, version);
  }, { parameters: ['cycle', 'version'] });
}
