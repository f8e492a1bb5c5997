// The export's hand-written CSV record against csv-stringify with the options the export used
// before: the downloads must not change by a byte.
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvRecord } from '@/lib/exports/csv-record';

const CSV_STRINGIFY_OPTIONS = { record_delimiter: '\r\n', quote_record_delimiter: true } as const;
const reference = (records: string[][]) => stringify(records, CSV_STRINGIFY_OPTIONS);

const TRICKY = [
  '', ' ', 'plain', 'a,b', '"', '""', 'say "hi"', '"quoted"', 'line\nbreak', 'line\r\nbreak', 'carriage\rreturn',
  'ends with CR\r', '\r\n', '\n', 'tab\there', "'=1+1", '=1+1', '墨西哥，第25段', '中文 "引号", 逗号\n换行', ';', "it's", '\u2028', '\uFEFF',
];

describe('a CSV record', () => {
  it('is written as csv-stringify writes it, cell by cell', () => {
    for (const cell of TRICKY) expect(csvRecord([cell]), JSON.stringify(cell)).toBe(reference([[cell]]));
  });

  it('is written as csv-stringify writes it, for records of many cells', () => {
    // Every pair of tricky cells, and a long record of all of them.
    const records = TRICKY.flatMap((first) => TRICKY.map((second) => [first, second, 'x']));
    records.push(TRICKY);
    expect(records.map(csvRecord).join('')).toBe(reference(records));
  });

  it('matches csv-stringify on random text made of the characters that matter', () => {
    const alphabet = ['a', ',', '"', '\r', '\n', ' ', '=', "'", '中', ';'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const records = Array.from({ length: 500 }, () => Array.from({ length: 1 + Math.floor(random() * 6) }, () =>
      Array.from({ length: Math.floor(random() * 8) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')));
    expect(records.map(csvRecord).join('')).toBe(reference(records));
  });
});
