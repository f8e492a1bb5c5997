// Uploaded evidence files: checked, then kept where every instance of the application sees them.
// Today that is PostgreSQL (StoredFile.content), never the file system and never under the web
// root; files are only ever served as downloads by app/api/evidence/files/[id].
//
// An S3-compatible store is NOT implemented. It would slot in behind saveFile/readFile: saveFile
// would put the bytes under a new StoredFile.storageKey (leaving content null) and readFile would
// fetch them by that key, configured through lib/env.ts. Callers would not change.
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Db } from '@/lib/db/client';
import { DomainError } from '@/lib/errors';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** What may be uploaded: detected type -> stored content type, the extensions its name may have, and
 * a name for the type that reads the same in every language (it goes into error messages). */
const ALLOWED: Record<string, { contentType: string; extensions: string[]; label: string }> = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], label: 'DOCX' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'XLSX' },
  odt: { contentType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], label: 'ODT' },
  ods: { contentType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'], label: 'ODS' },
  png: { contentType: 'image/png', extensions: ['png'], label: 'PNG' },
  jpg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG' },
  text: { contentType: 'text/plain; charset=utf-8', extensions: ['txt', 'csv'], label: 'TXT/CSV' },
};

/** The kinds of file accepted, for the help text of the upload field and the <input accept>. */
export const ACCEPTED_EXTENSIONS = Object.values(ALLOWED).flatMap((entry) => entry.extensions.map((extension) => `.${extension}`));

export type CheckedFile = { fileName: string; contentType: string; size: number; sha256: string };

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** The name as shown and sent back on download: no folders, no control characters, not too long. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (cleaned.length <= 200) return cleaned;
  const extension = extensionOf(cleaned);
  return extension ? `${cleaned.slice(0, 199 - extension.length)}.${extension}` : cleaned.slice(0, 200);
}

function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks an upload by its content, not by what the browser or the name claim: the size, the
 * type detected from the bytes against the allow-list, and the name's extension against that
 * type (a PNG named .pdf is refused). Returns what will be stored about it.
 */
export async function checkFile(declaredName: string, bytes: Uint8Array): Promise<CheckedFile> {
  const fileName = cleanFileName(declaredName);
  if (bytes.byteLength === 0) throw new DomainError('evidence.fileEmpty');
  if (bytes.byteLength > MAX_FILE_BYTES) throw new DomainError('evidence.fileTooLarge', { max: '10 MB' });

  const detected = await fileTypeFromBuffer(bytes);
  const kind = detected ? detected.ext : isPlainText(bytes) ? 'text' : undefined;
  const allowed = kind ? ALLOWED[kind] : undefined;
  if (!allowed) throw new DomainError('evidence.fileTypeNotAllowed');

  const extension = extensionOf(fileName);
  if (!allowed.extensions.includes(extension)) {
    throw new DomainError('evidence.fileNameMismatch', { extension: extension ? `.${extension}` : '—', detected: allowed.label });
  }
  const contentType = kind === 'text' && extension === 'csv' ? 'text/csv; charset=utf-8' : allowed.contentType;
  return { fileName, contentType, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Any client that can write StoredFile rows: the application's, or a transaction's. */
type FileClient = Pick<Db, 'storedFile'>;

export type SavedFile = CheckedFile & { id: string };

/** Checks and stores an upload; pass a transaction client so that it commits with its link. */
export async function saveFile(client: FileClient, upload: { name: string; bytes: Uint8Array; uploadedById: string | null }): Promise<SavedFile> {
  const checked = await checkFile(upload.name, upload.bytes);
  const stored = await client.storedFile.create({
    data: { ...checked, content: new Uint8Array(upload.bytes), uploadedById: upload.uploadedById },
    select: { id: true },
  });
  return { ...checked, id: stored.id };
}

export type ReadFile = { id: string; fileName: string; contentType: string; size: number; sha256: string; content: Uint8Array };

/** A stored file with its bytes, or null when there is none with this id. */
export async function readFile(client: FileClient, id: string): Promise<ReadFile | null> {
  const file = await client.storedFile.findUnique({
    where: { id },
    select: { id: true, fileName: true, contentType: true, size: true, sha256: true, content: true, storageKey: true },
  });
  if (!file) return null;
  // Only PostgreSQL is implemented: a row pointing into an object store cannot be read here.
  if (!file.content) throw new Error(`Stored file ${id} has no content in the database (storage key ${file.storageKey ?? 'none'}).`);
  const { content, storageKey: _storageKey, ...meta } = file;
  return { ...meta, content };
}

/** RFC 6266: an ASCII name for old clients and the exact name, UTF-8 encoded, for the others. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'download';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
