import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DomainError } from '@/lib/errors';
import { InstrumentParseError, MAX_INSTRUMENT_BYTES, parseInstrument } from '@/lib/import/instrument-parser';
import { importInstrument, previewInstrumentImport } from '@/lib/catalogue/import-instrument';
import { withDatabase } from './database';
import { readTextFile } from './read-text-file';
import { UsageError, type Command } from './types';

const OPTIONS = { code: { type: 'string' }, language: { type: 'string' } } as const;

const readInstrumentFile = (path: string | undefined) =>
  readTextFile(path, { maxBytes: MAX_INSTRUMENT_BYTES, tooLarge: 'import.too-large', binary: 'import.binary' });

function requireOptions(values: { code?: string; language?: string }) {
  if (!values.code || !values.language) throw new UsageError('Give the instrument with --code and the language of the text with --language.');
  return { code: values.code, language: values.language };
}

/** Parse errors are the reader's to fix: said in words, with exit code 1. */
function asDomainError(error: unknown): never {
  if (error instanceof InstrumentParseError) throw new DomainError(`import.${error.messageKey}`, error.values);
  throw error;
}

export const parseInstrumentCommand: Command = {
  name: 'parse-instrument',
  summary: "Parse an instrument's text and print its chapters and items as JSON (writes nothing).",
  usage: 'parse-instrument FILE --code CODE --language LANG',
  async run(args) {
    const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
    const { code, language } = requireOptions(values);
    const text = await readInstrumentFile(positionals[0]);
    let parsed;
    try {
      parsed = parseInstrument(text, { code, language });
    } catch (error) {
      asDomainError(error);
    }
    const output = {
      code: parsed.code,
      language: parsed.language,
      chapters: parsed.chapters.map(({ number, title }) => ({ number, title })),
      items: parsed.items.map(({ reference, chapter, subheading, text: itemText }) => ({ reference, chapter, subheading, text: itemText })),
      warnings: parsed.warnings,
    };
    process.stdout.write(JSON.stringify(output, null, 2) + '\n');
  },
};

export const importInstrumentCommand: Command = {
  name: 'import-instrument',
  summary: "Import an instrument's text into the catalogue (a second language attaches translations by reference).",
  usage: 'import-instrument FILE --code CODE --language LANG [--accept-proposals] [--area REF=TA3.1 ...]',
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      options: { ...OPTIONS, 'accept-proposals': { type: 'boolean' }, area: { type: 'string', multiple: true } },
      allowPositionals: true,
      strict: true,
    });
    const { code, language } = requireOptions(values);
    const text = await readInstrumentFile(positionals[0]);
    const areas = Object.fromEntries((values.area ?? []).map((pair) => {
      const [reference, area] = pair.split('=');
      if (!reference || !area) throw new UsageError(`--area takes REFERENCE=AREA, e.g. --area "2(c)=TA3.1", not "${pair}".`);
      return [reference, area];
    }));
    await withDatabase(async (db) => {
      const input = { text, instrumentCode: code, language, sourceName: basename(positionals[0]!), areas };
      const preview = await previewInstrumentImport(db, input).catch(asDomainError);
      const proposed = preview.items.filter((item) => item.change === 'create' && item.areaSource !== 'chapter' && !areas[item.reference]);
      if (proposed.length > 0 && !values['accept-proposals']) {
        console.log('Proposed thematic areas (confirm with --accept-proposals, or set with --area REF=AREA):');
        for (const item of proposed) console.log(`  ${item.reference.padEnd(12)} ${item.areaCode ?? '(none: choose one)'}`);
        throw new UsageError('The thematic areas of these items need a person\'s confirmation.');
      }
      const result = await importInstrument(db, null, input).catch(asDomainError);
      if (result.alreadyImported) {
        console.log(`Already imported: this ${language} text of ${code} is in the catalogue as it is; nothing changed.`);
        return;
      }
      console.log(`${code} (${language}): ${result.created} created, ${result.translated} translated, ${result.updated} updated, ${result.unchanged} unchanged.`);
      if (result.unmatched.length) console.log(`Not matched to any commitment, not imported: ${result.unmatched.join(', ')}`);
      if (result.missingFromText.length) console.log(`In the catalogue but not in this text: ${result.missingFromText.join(', ')}`);
    });
  },
};
