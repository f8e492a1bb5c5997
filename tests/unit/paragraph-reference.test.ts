// How a paragraph typed into the evidence form is read: symbol and number from two fields, or a
// whole citation in the symbol field, in English or Chinese; refused, a reason to say in words.
import { describe, expect, it } from 'vitest';
import { chineseNumeral, parseParagraphReference } from '@/lib/evidence/paragraph-reference';

const ok = (symbol: string, number: number) => ({ ok: true, reference: { symbol, number } });
const refused = (problem: string, field: 'symbol' | 'number') => ({ ok: false, problem, field });

describe('parseParagraphReference', () => {
  it('takes a symbol and a number typed in their own fields', () => {
    expect(parseParagraphReference('A/74/129', '27')).toEqual(ok('A/74/129', 27));
    expect(parseParagraphReference('  A/74/129 ', ' 27 ')).toEqual(ok('A/74/129', 27));
    expect(parseParagraphReference('A/RES/S-30/1', '5')).toEqual(ok('A/RES/S-30/1', 5));
    expect(parseParagraphReference('E/CN.7/2019/CRP.10 paragraph 3')).toEqual(ok('E/CN.7/2019/CRP.10', 3));
  });

  it.each([
    ['A/74/129, para. 27'],
    ['A/74/129 para 27'],
    ['A/74/129 para. 27'],
    ['A/74/129, paragraph 27'],
    ['A/74/129, Para. 27.'],
    ['A/74/129 (para. 27)'],
    ['A/74/129 ¶ 27'],
    ['A/74/129 27'],
    ['A/74/129, 27'],
    ['para. 27 of A/74/129'],
    ['paragraph 27, A/74/129'],
    ['A/74/129，第27段'],
    ['A/74/129, 第27段'],
    ['A/74/129 第 27 段'],
    ['A/74/129第27段'],
    ['A/74/129号文件第27段'],
    ['A/74/129，第二十七段'],
    ['A/74/129，第２７段'],
    ['Ａ/74/129，第27段'],
  ])('reads the citation %s with the number field empty', (citation) => {
    expect(parseParagraphReference(citation, '')).toEqual(ok('A/74/129', 27));
    expect(parseParagraphReference(citation)).toEqual(ok('A/74/129', 27));
  });

  it('takes a citation with the same number in the number field too', () => {
    expect(parseParagraphReference('A/74/129, para. 27', '27')).toEqual(ok('A/74/129', 27));
  });

  it.each([['para. 27'], ['27.'], ['第27段'], ['第二十七段'], ['２７'], ['¶27']])('reads the number field %s', (number) => {
    expect(parseParagraphReference('A/74/129', number)).toEqual(ok('A/74/129', 27));
  });

  it('refuses, saying why, what names no single paragraph', () => {
    expect(parseParagraphReference('A/74/129', '')).toEqual(refused('missingNumber', 'number'));
    expect(parseParagraphReference('A/74/129,', '')).toEqual(refused('missingNumber', 'number'));
    expect(parseParagraphReference('para. 27', '')).toEqual(refused('missingSymbol', 'symbol'));
    expect(parseParagraphReference('第27段', '')).toEqual(refused('missingSymbol', 'symbol'));
    expect(parseParagraphReference('27', '')).toEqual(refused('missingSymbol', 'symbol'));
    expect(parseParagraphReference('', '27')).toEqual(refused('missingSymbol', 'symbol'));
    expect(parseParagraphReference('A/74/129', 'twenty')).toEqual(refused('badNumber', 'number'));
    expect(parseParagraphReference('A/74/129', '0')).toEqual(refused('badNumber', 'number'));
    expect(parseParagraphReference('A/74/129', '123456')).toEqual(refused('badNumber', 'number'));
    expect(parseParagraphReference('A/74/129, para. 0', '')).toEqual(refused('badNumber', 'symbol'));
    expect(parseParagraphReference('A/74/129, paras. 27-29', '')).toEqual(refused('range', 'symbol'));
    expect(parseParagraphReference('A/74/129, paras. 27 and 28', '')).toEqual(refused('range', 'symbol'));
    expect(parseParagraphReference('A/74/129，第27至29段', '')).toEqual(refused('range', 'symbol'));
    expect(parseParagraphReference('A/74/129', '27-29')).toEqual(refused('range', 'number'));
    expect(parseParagraphReference('A/74/129, para. 27', '28')).toEqual(refused('conflict', 'number'));
  });

  it('leaves a symbol that merely ends in digits alone', () => {
    expect(parseParagraphReference('A/RES/73/192', '3')).toEqual(ok('A/RES/73/192', 3));
    expect(parseParagraphReference('A/RES/73/192', '')).toEqual(refused('missingNumber', 'number'));
  });
});

describe('chineseNumeral', () => {
  it.each([['七', 7], ['十', 10], ['十二', 12], ['二十七', 27], ['一百零五', 105], ['两百', 200], ['一千二百三十四', 1234]])('reads %s as %i', (text, value) => {
    expect(chineseNumeral(text)).toBe(value);
  });

  it('is null for anything else', () => {
    expect(chineseNumeral('')).toBeNull();
    expect(chineseNumeral('27')).toBeNull();
    expect(chineseNumeral('第七')).toBeNull();
  });
});
