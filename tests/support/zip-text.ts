// The text inside a ZIP container (XLSX, DOCX, ODT …), so that a search for a string finds it in
// a workbook's shared strings or a document's body: every entry, inflated, as UTF-8. No
// dependency: the central directory and DEFLATE (node:zlib) are all an Office file uses.
import { inflateRawSync } from 'node:zlib';

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export type ZipEntry = { name: string; text: string };

export function zipEntries(input: Uint8Array): ZipEntry[] {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  // End of central directory: at least 22 bytes from the end, before a comment of up to 64 KiB.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (bytes.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error('Not a ZIP file: no end of central directory');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('Malformed ZIP central directory');
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localHeader = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;

    if (bytes.readUInt32LE(localHeader) !== 0x04034b50) throw new Error(`Malformed ZIP local header for ${name}`);
    const start = localHeader + 30 + bytes.readUInt16LE(localHeader + 26) + bytes.readUInt16LE(localHeader + 28);
    const data = bytes.subarray(start, start + compressedSize);
    const content = method === 0 ? data : method === 8 ? inflateRawSync(data) : null;
    if (!content) throw new Error(`ZIP entry ${name} uses compression method ${method}`);
    entries.push({ name, text: content.toString('utf8') });
  }
  return entries;
}

/** Everything a response body says: the entries of a ZIP, else the bytes as UTF-8. */
export function searchableText(bytes: Uint8Array): string {
  if (isZip(bytes)) return zipEntries(bytes).map((entry) => `${entry.name}\n${entry.text}`).join('\n');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}
