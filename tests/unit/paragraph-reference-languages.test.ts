// The paragraph reader in the other UN languages: a citation as French, Spanish, Russian and
// Arabic texts write it, pasted whole or typed into the two fields; several paragraphs refused.
import { describe, expect, it } from 'vitest';
import { parseParagraphReference } from '@/lib/evidence/paragraph-reference';

const ok = (symbol: string, number: number) => ({ ok: true, reference: { symbol, number } });
const refused = (problem: string, field: 'symbol' | 'number') => ({ ok: false, problem, field });

describe.each([
  ['French', [
    'A/74/129, par. 25',
    'A/74/129, par. 25.',
    'A/74/129 par 25',
    'A/74/129, paragraphe 25',
    'A/74/129 (par. 25)',
    '« A/74/129, par. 25 »',
    '«\u00A0A/74/129, par.\u00A025\u00A0»',
    'par. 25 du document A/74/129',
    'paragraphe 25 de A/74/129',
    'par. 25 du document « A/74/129 »',
  ]],
  ['Spanish', [
    'A/74/129, párr. 25',
    'A/74/129, parr. 25',
    'A/74/129, párrafo 25',
    'A/74/129, parrafo 25',
    'A/74/129, pa\u0301rr. 25',
    'A/74/129 (párr. 25)',
    'párr. 25 del documento A/74/129',
    'párrafo 25 de A/74/129',
  ]],
  ['Russian', [
    'A/74/129, п. 25',
    'A/74/129 п. 25',
    'A/74/129, пункт 25',
    'A/74/129, П. 25',
    'п. 25 документа A/74/129',
    'пункт 25 документа A/74/129',
    'пункт 25 доклада A/74/129',
    '«A/74/129, п. 25»',
  ]],
  ['Arabic', [
    'A/74/129، الفقرة 25',
    'A/74/129، الفقرة ٢٥',
    'A/74/129، الفقرة ۲۵',
    'A/74/129 الفقرة 25',
    'A/74/129، فقرة 25',
    '\u200FA/74/129\u200E، الفقرة 25',
    'الفقرة 25 من الوثيقة A/74/129',
    'الفقرة ٢٥ من الوثيقة A/74/129',
    'الفقرة 25 من A/74/129',
  ]],
])('a citation in %s', (_language, citations) => {
  it.each(citations)('reads %s with the number field empty', (citation) => {
    expect(parseParagraphReference(citation)).toEqual(ok('A/74/129', 25));
    expect(parseParagraphReference(citation, '25')).toEqual(ok('A/74/129', 25));
  });
});

describe('the number field in each language', () => {
  it.each([['par. 25'], ['paragraphe 25'], ['párr. 25'], ['párrafo 25'], ['п. 25'], ['пункт 25'], ['الفقرة 25'], ['٢٥'], ['۲۵'], ['الفقرة ٢٥']])(
    'reads %s as 25',
    (number) => {
      expect(parseParagraphReference('A/74/129', number)).toEqual(ok('A/74/129', 25));
    },
  );

  it('reads Arabic-Indic digits in a symbol as the digits they are', () => {
    expect(parseParagraphReference('A/٧٤/١٢٩', '٢٥')).toEqual(ok('A/74/129', 25));
  });
});

describe('several paragraphs, refused in each language', () => {
  it.each([
    'A/74/129, par. 25-27',
    'A/74/129, par. 25 à 27',
    'A/74/129, par. 25 et 26',
    'A/74/129, paragraphes 25 et 26',
    'A/74/129, párrs. 25 y 26',
    'A/74/129, párrs. 25 a 27',
    'A/74/129, párrafos 25-27',
    'A/74/129, пп. 25–27',
    'A/74/129, пп. 25 и 26',
    'A/74/129, пункты 25 и 26',
    'A/74/129، الفقرتان 25 و 26',
    'A/74/129، الفقرتان ٢٥ و٢٦',
    'A/74/129، الفقرات 25 إلى 27',
    'الفقرتان 25 و 26 من الوثيقة A/74/129',
  ])('refuses %s as a range', (citation) => {
    expect(parseParagraphReference(citation)).toEqual(refused('range', 'symbol'));
  });

  it.each(['25 et 26', '25 y 26', '25–27', 'пп. 25 и 26', '٢٥ و ٢٦'])('refuses %s in the number field as a range', (number) => {
    expect(parseParagraphReference('A/74/129', number)).toEqual(refused('range', 'number'));
  });
});

describe('what names no single paragraph, in each language', () => {
  it.each(['par. 25', 'párr. 25', 'п. 25', 'الفقرة 25', 'الفقرة ٢٥'])('asks for the document of %s', (citation) => {
    expect(parseParagraphReference(citation)).toEqual(refused('missingSymbol', 'symbol'));
  });

  it('asks for the number of a symbol alone, and refuses two different numbers', () => {
    expect(parseParagraphReference('A/74/129،')).toEqual(refused('missingNumber', 'number'));
    expect(parseParagraphReference('A/74/129, par. 25', '26')).toEqual(refused('conflict', 'number'));
    expect(parseParagraphReference('A/74/129، الفقرة ٢٥', '٢٦')).toEqual(refused('conflict', 'number'));
    expect(parseParagraphReference('A/74/129, п. 0')).toEqual(refused('badNumber', 'symbol'));
  });
});
