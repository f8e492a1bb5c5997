// Message keys built from data (a language code read from the database, a code parsed from a
// form) are checked like literal ones: the data is narrowed to a closed union first, and the key
// is a template over that union (`languages.${UnLanguage}`), which the type checker expands and
// checks against messages/en.json (lib/i18n/global.d.ts). So a misspelt or missing key fails
// `tsc`, and nothing is cast to `never` on its way to a translator (eslint.config.mjs forbids it).
// No catalogue is imported here: client components use these helpers too.
import type { Messages, MessageKeys, NestedKeyOf } from 'next-intl';
import { UN_LANGUAGES, type UnLanguage } from './routing';

/** Every key of a part of the catalogue that names a message (not a group of them). */
export type MessageKeyIn<Table> = MessageKeys<Table, NestedKeyOf<Table>>;

/** The keys of a top-level namespace: `NamespaceMessageKey<'errors'>` is "unknownEntity" | "import.empty" | … */
export type NamespaceMessageKey<Namespace extends keyof Messages> = MessageKeyIn<Messages[Namespace]>;

/** A code as one of the six UN languages, or null for any other (an old or foreign code). */
export function asUnLanguage(code: string): UnLanguage | null {
  return (UN_LANGUAGES as readonly string[]).includes(code) ? (code as UnLanguage) : null;
}

/**
 * A language's name, given a way to name each UN language (a translator of a `languages` table:
 * `(language) => t(\`languages.${language}\`)`, or `t` itself for a `….languages` namespace).
 * A code that is not a UN language is shown as it is rather than as a missing message.
 */
export function nameLanguage(code: string, name: (language: UnLanguage) => string): string {
  const language = asUnLanguage(code);
  return language ? name(language) : code;
}

/**
 * Whether `key` is a key of `table` (a part of a catalogue, on the server): narrows a key read
 * from data (a zod issue's message) before it is given to a translator.
 */
export function isKeyOf<Table extends object>(table: Table, key: string): key is Extract<keyof Table, string> {
  return Object.hasOwn(table, key);
}
