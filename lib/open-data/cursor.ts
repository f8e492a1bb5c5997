// Opaque page cursors: base64url of the last id of a page. Pages are keyset pages on the id
// (ascending), so a cursor stays valid while rows are added, and a page never repeats a row.
import { badRequest } from './respond';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const ENCODED = /^[A-Za-z0-9_-]{1,88}$/;

export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}

/** The id a cursor carries; anything this API did not give out is a 400 that says what to do. */
export function decodeCursor(cursor: string): string {
  const id = ENCODED.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  // Re-encoding must give the cursor back: base64url that decodes leniently is still not ours.
  if (!ID.test(id) || encodeCursor(id) !== cursor) {
    throw badRequest('The cursor is not one this API gave out: pass the nextCursor of the previous page unchanged, or leave cursor out to start at the first page.');
  }
  return id;
}
