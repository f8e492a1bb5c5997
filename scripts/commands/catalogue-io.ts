// Structured export and import of the whole catalogue (format: lib/exports/catalogue-format.ts).
import { readFile, stat, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { importCatalogueCsv, importCatalogueJson, type CatalogueImportResult, type ImportCounts } from '@/lib/catalogue/catalogue-import';
import { exportCatalogueCsv, exportCatalogueJson } from '@/lib/exports/catalogue-export';
import { MAX_CATALOGUE_BYTES } from '@/lib/exports/catalogue-format';
import { withDatabase } from './database';
import { UsageError, type Command } from './types';

type Format = 'json' | 'csv';

/** The --format given, or else the one the file name says; null when neither tells. */
function formatOf(option: string | undefined, file: string | undefined): Format | null {
  const format = (option ?? (file ? extname(file).slice(1) : '')).toLowerCase();
  if (format === 'json' || format === 'csv') return format;
  if (option !== undefined) throw new UsageError(`Unknown format "${option}": give --format json or --format csv.`);
  return null;
}

export const exportCatalogueCommand: Command = {
  name: 'export-catalogue',
  summary: 'Write the whole catalogue as JSON (everything) or CSV (commitment texts), to a file or standard output.',
  usage: 'export-catalogue --format json|csv [--out FILE] [--no-demo]',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { format: { type: 'string' }, out: { type: 'string' }, 'no-demo': { type: 'boolean' } },
      strict: true,
    });
    const format = formatOf(values.format, values.out);
    if (!format) throw new UsageError('Give the format with --format json or --format csv.');
    const options = { includeDemo: !values['no-demo'] };
    const text = await withDatabase((db) => (format === 'json' ? exportCatalogueJson(db, options) : exportCatalogueCsv(db, options)));
    if (values.out) {
      await writeFile(values.out, text, 'utf8');
      console.log(`Wrote the catalogue (${format.toUpperCase()}, ${Buffer.byteLength(text, 'utf8')} bytes) to ${values.out}.`);
    } else {
      // Wait for the write: the CLI exits right after, and a pipe may not have taken it all yet.
      await new Promise<void>((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
    }
  },
};

export const importCatalogueCommand: Command = {
  name: 'import-catalogue',
  summary: 'Import a catalogue exported as JSON or CSV: creates and updates, never deletes; all or nothing.',
  usage: 'import-catalogue FILE [--format json|csv]',
  async run(args) {
    const { values, positionals } = parseArgs({ args, options: { format: { type: 'string' } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new UsageError('Give exactly one file to import.');
    const [file] = positionals;
    const format = formatOf(values.format, file);
    if (!format) throw new UsageError(`Cannot tell the format from the name ${file}: give --format json or --format csv.`);
    const text = await readCatalogueFile(file);
    const result = await withDatabase((db) => (format === 'json' ? importCatalogueJson(db, null, text) : importCatalogueCsv(db, null, text)));
    console.log(describeImport(file, result));
  },
};

async function readCatalogueFile(file: string): Promise<string> {
  const size = await stat(file).then((info) => info.size, () => null);
  if (size === null) throw new UsageError(`Cannot read ${file}: there is no such file.`);
  // Checked before reading, so that a wrong multi-gigabyte file is not loaded into memory.
  if (size > MAX_CATALOGUE_BYTES) throw new UsageError(`${file} is larger than ${MAX_CATALOGUE_BYTES / 1024 / 1024} MB; a catalogue is much smaller.`);
  return readFile(file, 'utf8');
}

export function describeImport(file: string, result: CatalogueImportResult): string {
  const line = (label: string, counts: ImportCounts) =>
    `  ${label.padEnd(15)} ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`;
  return [
    `Imported ${file} (${result.format.toUpperCase()}):`,
    ...(result.format === 'json'
      ? [line('thematic areas', result.thematicAreas), line('instruments', result.instruments), line('chapters', result.chapters)]
      : []),
    line('commitments', result.commitments),
    line('texts', result.texts),
    ...(result.format === 'json' ? [line('relations', result.relations)] : []),
    ...(result.revisions > 0 ? [`  ${result.revisions} replaced wording${result.revisions > 1 ? 's' : ''} kept in the history.`] : []),
  ].join('\n');
}
