import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_REPORT_BYTES } from '@/lib/import/report-parser';
import { importDocument, parseDocumentText } from '@/lib/documents/import-document';
import { withDatabase } from './database';
import { readTextFile } from './read-text-file';
import { UsageError, type Command } from './types';

const OPTIONS = { symbol: { type: 'string' }, language: { type: 'string' } } as const;

const readReportFile = (path: string | undefined) =>
  readTextFile(path, { maxBytes: MAX_REPORT_BYTES, tooLarge: 'documentImport.too-large', binary: 'documentImport.binary' });

function requireOptions(values: { symbol?: string; language?: string }) {
  if (!values.symbol || !values.language) throw new UsageError('Give the document symbol with --symbol and the language of the text with --language.');
  return { symbol: values.symbol, language: values.language };
}

export const parseDocumentCommand: Command = {
  name: 'parse-document',
  summary: "Parse a report's extracted text and print its sections, paragraphs and footnotes as JSON (writes nothing).",
  usage: 'parse-document FILE --symbol SYMBOL --language LANG',
  async run(args) {
    const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
    const { symbol, language } = requireOptions(values);
    const text = await readReportFile(positionals[0]);
    const parsed = parseDocumentText({ text, symbol, language });
    const output = {
      symbol: parsed.symbol,
      language: parsed.language,
      title: parsed.title,
      sections: parsed.sections.map(({ path, heading }) => ({ path, heading })),
      paragraphs: parsed.paragraphs.map(({ number, sectionPath, text: paragraphText }) => ({ number, sectionPath, text: paragraphText })),
      footnotes: parsed.footnotes.map(({ number, text: footnoteText }) => ({ number, text: footnoteText })),
    };
    process.stdout.write(JSON.stringify(output, null, 2) + '\n');
  },
};

export const importDocumentCommand: Command = {
  name: 'import-document',
  summary: 'Import a report as numbered paragraphs (a corrected version keeps the evidence of unchanged paragraphs).',
  usage: 'import-document FILE --symbol SYMBOL --language LANG [--published YYYY-MM-DD]',
  async run(args) {
    const { values, positionals } = parseArgs({ args, options: { ...OPTIONS, published: { type: 'string' } }, allowPositionals: true, strict: true });
    const { symbol, language } = requireOptions(values);
    if (values.published && !/^\d{4}-\d{2}-\d{2}$/.test(values.published)) throw new UsageError('--published takes a date as YYYY-MM-DD.');
    const publishedOn = values.published ? new Date(`${values.published}T00:00:00Z`) : undefined;
    if (publishedOn && Number.isNaN(publishedOn.getTime())) throw new UsageError(`${values.published} is not a date.`);
    const text = await readReportFile(positionals[0]);
    await withDatabase(async (db) => {
      // Parse errors arrive as domain errors, in words.
      const result = await importDocument(db, null, { text, symbol, language, sourceName: basename(positionals[0]!), publishedOn });
      if (result.mode === 'already-imported') {
        console.log(`Already imported: ${symbol} (${language}) is in the database with exactly this text; nothing changed.`);
        return;
      }
      console.log(`${symbol} (${language}): ${result.paragraphCount} paragraphs, ${result.sections.length} sections, ${result.footnoteCount} footnotes${result.mode === 'corrected' ? ' (corrected version)' : ''}.`);
      if (result.changed.length) console.log(`Paragraphs whose text changed: ${result.changed.join(', ')}`);
      if (result.added.length) console.log(`New paragraphs: ${result.added.join(', ')}`);
      if (result.removed.length) console.log(`Removed paragraphs: ${result.removed.join(', ')}`);
      if (result.keptWithEvidence.length) console.log(`Kept because evidence points at them: ${result.keptWithEvidence.join(', ')}`);
    });
  },
};
