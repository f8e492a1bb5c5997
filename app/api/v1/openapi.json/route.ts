// GET /api/v1/openapi.json: the OpenAPI 3.1 description of every endpoint of the open-data API.
import type { NextRequest } from 'next/server';
import { openDataGet } from '@/lib/open-data/respond';
import { openApiDocument } from '@/lib/open-data/openapi';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  return openDataGet(request, async () => openApiDocument, { parameters: [], sameForEveryone: true });
}
