// GET /api/v1/thematic-areas: the seven UNGASS chapters and their sub-areas, in their order.
import type { NextRequest } from 'next/server';
import { openDataGet } from '@/lib/open-data/respond';
import { listOpenThematicAreas } from '@/lib/open-data/queries';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  return openDataGet(request, async () => ({ data: await listOpenThematicAreas() }), { parameters: [], sameForEveryone: true });
}
