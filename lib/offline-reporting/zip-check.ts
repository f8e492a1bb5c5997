// An XLSX is a ZIP archive, and a spreadsheet library unpacks every part of it into memory: a
// small upload can unpack to gigabytes (a "zip bomb"). Before any library reads it, each part is
// inflated here with a hard cap on what it may produce, whatever its header claims. Pure.
import { inflateRawSync } from 'node:zlib';

export type ZipCheck = 'ok' | 'not-zip' | 'too-large';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** Finds the end-of-central-directory record (it ends the file, after an optional comment). */
function findEndRecord(view: DataView): number {
  const earliest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= earliest; at -= 1) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

/**
 * Whether `bytes` is a ZIP archive whose parts, actually inflated, add up to at most
 * `maxUnpacked` bytes, in at most `maxEntries` parts. Encrypted, split or ZIP64 archives (never
 * produced for a worklist) are "not a zip".
 */
export function checkZip(bytes: Uint8Array, { maxUnpacked, maxEntries = 2000 }: { maxUnpacked: number; maxEntries?: number }): ZipCheck {
  if (bytes.byteLength < 22) return 'not-zip';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end < 0) return 'not-zip';
  const entries = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryStart = view.getUint32(end + 16, true);
  if (entries === 0xffff || directoryStart === 0xffffffff || entries > maxEntries) return entries > maxEntries ? 'too-large' : 'not-zip';
  if (directoryStart + directorySize > end) return 'not-zip';

  let budget = maxUnpacked;
  let at = directoryStart;
  for (let index = 0; index < entries; index += 1) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return 'not-zip';
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x1) return 'not-zip';
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) return 'not-zip';

    if (localOffset + 30 > bytes.byteLength || view.getUint32(localOffset, true) !== LOCAL_SIGNATURE) return 'not-zip';
    const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataStart + compressedSize > bytes.byteLength) return 'not-zip';
    const data = bytes.subarray(dataStart, dataStart + compressedSize);

    if (method === 0) {
      budget -= data.byteLength;
    } else if (method === 8) {
      try {
        // One byte more than the budget allows: reaching it means the part is too large.
        budget -= inflateRawSync(data, { maxOutputLength: budget + 1 }).byteLength;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return 'too-large';
        return 'not-zip';
      }
    } else {
      return 'not-zip';
    }
    if (budget < 0) return 'too-large';
  }
  return 'ok';
}
