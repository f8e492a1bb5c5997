// GET /api/v1/cycles: the reporting cycles the caller may see, oldest first, and whether each is published.
import type { NextRequest } from 'next/server';
import { openDataGet } from '@/lib/open-data/respond';
import { listOpenCycles } from '@/lib/open-data/queries';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  return openDataGet(request, async ({ user }) => ({ data: await listOpenCycles(user) }), { parameters: [] });
}
