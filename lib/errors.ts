// Known domain errors carry a message meant for the person who caused them; anything else is
// unexpected and gets a generic message (ARCHITECTURE.md, rule 7). A domain error names a
// message of the catalogue (namespace "errors"), so the interface can say it in the reader's
// language; its `message` is the English text, for logs and the command line.
import { createTranslator } from 'next-intl';
import type { NamespaceMessageKey } from '@/lib/i18n/message-keys';
import en from '@/messages/en.json';

/** A message of the "errors" namespace ("unknownEntity", "import.empty"): a misspelt key fails the type check. */
export type ErrorKey = NamespaceMessageKey<'errors'>;
/**
 * The message's arguments. The catalogue is JSON, whose strings the type checker sees as `string`
 * only, so it cannot derive each message's arguments; tests/unit/messages.test.ts checks that
 * every catalogue has the same arguments as English.
 */
export type ErrorValues = Record<string, string | number>;

const english = createTranslator({ locale: 'en', messages: en, namespace: 'errors' });

export class DomainError extends Error {
  readonly key: ErrorKey;
  readonly values: ErrorValues;
  /** What the screen needs besides the message (the other version, in a conflict). */
  readonly details?: Record<string, unknown>;

  constructor(key: ErrorKey, values: ErrorValues = {}, details?: Record<string, unknown>) {
    super(english(key, values));
    this.name = 'DomainError';
    this.key = key;
    this.values = values;
    this.details = details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
