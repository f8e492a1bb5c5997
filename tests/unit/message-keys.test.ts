// Message keys are typed: the `@ts-expect-error` lines below are checked by `tsc --noEmit -p .`
// (npm run typecheck), which fails if a misspelt key were ever accepted. At run time a missing key
// is no error at all, only its path shown to the reader, which is why the type check matters.
import { describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import en from '@/messages/en.json';
import { DomainError, type ErrorKey } from '@/lib/errors';
import { asUnLanguage, isKeyOf, nameLanguage, type NamespaceMessageKey } from '@/lib/i18n/message-keys';
import { UN_LANGUAGES } from '@/lib/i18n/routing';

const quiet = { locale: 'en', messages: en, onError: () => {} } as const;
const tErrors = createTranslator({ ...quiet, namespace: 'errors' });
const tCatalogue = createTranslator({ ...quiet, namespace: 'catalogue' });
const tEntities = createTranslator({ ...quiet, namespace: 'entities' });

describe('typed message keys', () => {
  it('accepts real error keys, nested ones included, and refuses misspelt ones', () => {
    const key: ErrorKey = 'unknownEntity';
    const nested: NamespaceMessageKey<'errors'> = 'import.empty';
    expect(tErrors(key, { code: 'XYZ' })).toBe('No reporting entity has the code XYZ.');
    expect(new DomainError(nested).message).toBe(en.errors.import.empty);

    // @ts-expect-error: misspelt
    const misspelt: ErrorKey = 'unknownEntitty';
    // @ts-expect-error: a group of messages is not a message
    const group: ErrorKey = 'import';
    // @ts-expect-error: DomainError takes only keys of the errors namespace
    const throwMisspelt = () => { throw new DomainError('no-such-error'); };
    // What a misspelt key shows when it gets through: its path.
    expect(tErrors(misspelt)).toBe('errors.unknownEntitty');
    expect(tErrors(group)).toBe('errors.import');
    expect(throwMisspelt).toBeTypeOf('function');
  });

  it('refuses a key built from any string, and a language table that lacks a language', () => {
    const code: string = 'fr';
    // @ts-expect-error: "languages.<any string>" is not a key
    expect(tCatalogue(`languages.${code}`)).toBe('French');
    // @ts-expect-error: entities.kinds has no key per UN language
    expect(nameLanguage(code, (language) => tEntities(`kinds.${language}`))).toBe('entities.kinds.fr');
  });
});

describe('asUnLanguage', () => {
  it('keeps the six UN languages', () => {
    expect(UN_LANGUAGES.map(asUnLanguage)).toEqual([...UN_LANGUAGES]);
  });

  it('gives null for any other code', () => {
    for (const code of ['', 'de', 'EN', 'zh-CN', 'toString', '__proto__']) expect(asUnLanguage(code)).toBeNull();
  });
});

describe('nameLanguage', () => {
  const name = (code: string) => nameLanguage(code, (language) => tCatalogue(`languages.${language}`));

  it('names each UN language through the catalogue', () => {
    expect(UN_LANGUAGES.map(name)).toEqual(UN_LANGUAGES.map((language) => en.catalogue.languages[language]));
    expect(nameLanguage('zh', (language) => createTranslator({ ...quiet, namespace: 'common.languages' })(language))).toBe('中文');
  });

  it('shows a code that is not a UN language as it is, not as a missing message', () => {
    expect(name('de')).toBe('de');
    expect(name('EN')).toBe('EN');
    expect(name('')).toBe('');
  });
});

describe('isKeyOf', () => {
  it('narrows a key read from data to a key of the table', () => {
    const key: string = 'required';
    expect(isKeyOf(en.validation, key)).toBe(true);
    if (isKeyOf(en.validation, key)) expect(createTranslator({ ...quiet, namespace: 'validation' })(key)).toBe(en.validation.required);
  });

  it('refuses keys the table does not have, inherited ones included', () => {
    for (const key of ['nope', 'toString', 'constructor', '__proto__', '']) expect(isKeyOf(en.validation, key)).toBe(false);
  });
});
