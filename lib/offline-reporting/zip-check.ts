// An XLSX is a ZIP archive, and a spreadsheet library unpacks every part of it into memory: a
// small upload can unpack to gigabytes (a "zip bomb"). Before any library reads it, each part is
// inflated here with a hard cap on what it may produce, whatever its header claims. Pure.
import { inflateRawSync } from 'node:zlib';

export type ZipCheck = 'ok' | 'not-zip' | 'too-large' | 'too-many-cells';

/** Looks at one inflated part; anything but 'ok' refuses the archive. */
export type PartInspector = (name: string, content: Buffer) => ZipCheck;

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
export function checkZip(
  bytes: Uint8Array, { maxUnpacked, maxEntries = 2000, inspect }: { maxUnpacked: number; maxEntries?: number; inspect?: PartInspector },
): ZipCheck {
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
    const name = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x1) return 'not-zip';
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) return 'not-zip';

    if (localOffset + 30 > bytes.byteLength || view.getUint32(localOffset, true) !== LOCAL_SIGNATURE) return 'not-zip';
    const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataStart + compressedSize > bytes.byteLength) return 'not-zip';
    const data = bytes.subarray(dataStart, dataStart + compressedSize);

    let content: Buffer;
    if (method === 0) {
      content = Buffer.from(data);
    } else if (method === 8) {
      try {
        // One byte more than the budget allows: reaching it means the part is too large.
        content = inflateRawSync(data, { maxOutputLength: budget + 1 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return 'too-large';
        return 'not-zip';
      }
    } else {
      return 'not-zip';
    }
    budget -= content.byteLength;
    if (budget < 0) return 'too-large';
    const verdict = inspect?.(name, content) ?? 'ok';
    if (verdict !== 'ok') return verdict;
  }
  return 'ok';
}

const COLUMN_OR_ROW = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/;

function cellOf(reference: string): { column: number; row: number } | null {
  const match = COLUMN_OR_ROW.exec(reference);
  if (!match) return null;
  const column = [...match[1]!].reduce((total, letter) => total * 26 + letter.charCodeAt(0) - 64, 0);
  return { column, row: Number(match[2]) };
}

/** The number of cells of "A1", "A1:C3" (0 when it cannot be read: the library will refuse it). */
export function cellsIn(range: string): number {
  const [first, last = first] = range.split(':');
  const from = cellOf(first!);
  const to = cellOf(last!);
  if (!from || !to) return 0;
  return (Math.abs(to.column - from.column) + 1) * (Math.abs(to.row - from.row) + 1);
}

/**
 * A worksheet inspector: spreadsheet libraries build every cell that a merged range or a data
 * validation covers, so a few bytes naming a whole sheet ("A1:XFD1048576") would take gigabytes.
 * Refused before any library reads the file: more than `maxRows` rows, or ranges that cover more
 * than `maxCells` cells in all.
 */
export function worksheetLimits({ maxRows, maxCells }: { maxRows: number; maxCells: number }): PartInspector {
  return (name, content) => {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) return 'ok';
    const xml = content.toString('utf8');
    let rows = 0;
    for (let at = xml.indexOf('<row'); at >= 0; at = xml.indexOf('<row', at + 4)) {
      if (/[\s>/]/.test(xml[at + 4] ?? '') && (rows += 1) > maxRows) return 'too-many-cells';
    }
    let cells = 0;
    for (const match of xml.matchAll(/<(mergeCell|dataValidation|conditionalFormatting)\b[^>]*?\s(?:ref|sqref)="([^"]*)"/g)) {
      for (const range of match[2]!.split(/\s+/).filter(Boolean)) {
        cells += cellsIn(range);
        if (cells > maxCells) return 'too-many-cells';
      }
    }
    return 'ok';
  };
}
