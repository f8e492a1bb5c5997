import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';

const messagesDir = resolve(__dirname, '../../messages');
/** Every catalogue but English's: the interface languages and those drafted for the next ones. */
const catalogues = readdirSync(messagesDir).filter((file) => /^[a-z]{2}\.json$/.test(file) && file !== 'en.json').map((file) => file.slice(0, 2));
const catalogue = (locale: string) => JSON.parse(readFileSync(join(messagesDir, `${locale}.json`), 'utf8')) as Tree;

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [leaf, text] of leaves(value, `${prefix}${key}.`)) out.set(leaf, text);
  }
  return out;
}

/**
 * The arguments a message prints ({name}, {when, date}), inside plural and select branches too.
 * The argument a plural or select only chooses by is left out: a language without plurals (Chinese)
 * may rightly not use it.
 */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  let at = 0;
  const readUntil = (stops: string) => {
    const start = at;
    while (at < message.length && !stops.includes(message[at]!)) at += 1;
    return message.slice(start, at).trim();
  };
  const parseMessage = () => {
    while (at < message.length && message[at] !== '}') {
      if (message[at] === '{') parseArgument();
      else at += 1;
    }
  };
  const parseArgument = () => {
    at += 1;
    const name = readUntil(',}');
    if (message[at] === '}') { names.add(name); at += 1; return; }
    at += 1;
    const type = readUntil(',}');
    if (['plural', 'select', 'selectordinal'].includes(type)) {
      at += 1;
      while (at < message.length && message[at] !== '}') {
        readUntil('{}');
        if (message[at] === '{') { at += 1; parseMessage(); at += 1; }
      }
    } else {
      names.add(name);
      readUntil('}');
    }
    at += 1;
  };
  parseMessage();
  return [...names].sort();
}

/** Every argument a message names, printed or only chosen by (plural, select). */
function namesOf(message: string): Set<string> {
  const names = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ('value' in element && element.type !== TYPE.literal && typeof element.value === 'string') names.add(element.value);
      if ('options' in element) for (const option of Object.values(element.options)) visit(option.value);
      if (element.type === TYPE.tag) visit(element.children);
    }
  };
  visit(parse(message));
  return names;
}

describe('message catalogues', () => {
  it('reads the arguments a message prints, as ICU does', () => {
    expect(argumentsOf('{who}, {when} · {n, plural, one {# day in {cycle}} other {today}}')).toEqual(['cycle', 'when', 'who']);
    expect(argumentsOf('{state, select, CLOSED {closed} other {not open}}')).toEqual([]);
  });

  const english = leaves(en as Tree);

  it('have the six UN languages', () => {
    expect(['en', ...catalogues].sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
  });

  describe.each(catalogues)('%s', (locale) => {
    const translated = leaves(catalogue(locale));

    it('says every message English has, and none that English lacks', () => {
      expect([...translated.keys()].filter((key) => !english.has(key))).toEqual([]);
      expect([...english.keys()].filter((key) => !translated.has(key))).toEqual([]);
    });

    it('gives each translation the same arguments as the English message', () => {
      const mismatched = [...english].filter(([key, message]) => {
        const text = translated.get(key);
        if (text === undefined) return false;
        // Every argument English prints is printed (a plural may drop "#" in a language without
        // plurals, as Chinese does, but never a named argument), and no argument is unknown to English.
        const known = namesOf(message);
        return argumentsOf(message).some((name) => !argumentsOf(text).includes(name) && !namesOf(text).has(name))
          || [...namesOf(text)].some((name) => !known.has(name));
      }).map(([key]) => key);
      expect(mismatched).toEqual([]);
    });

    it('writes every message in valid ICU, each plural and select with its "other"', () => {
      const invalid = [...translated].filter(([, text]) => {
        try {
          parse(text, { requiresOtherClause: true });
          return false;
        } catch {
          return true;
        }
      }).map(([key]) => key);
      expect(invalid).toEqual([]);
    });

    it('lists its machine-drafted messages, awaiting review, by key', () => {
      const metaFile = join(messagesDir, `${locale}.meta.json`);
      // Chinese is reviewed; the drafted languages say which messages a translator has still to review.
      if (!existsSync(metaFile)) return expect(locale).toBe('zh');
      const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { locale: string; machineDrafted: string[] };
      expect(meta.locale).toBe(locale);
      expect(meta.machineDrafted.filter((key) => !english.has(key))).toEqual([]);
    });
  });
});
