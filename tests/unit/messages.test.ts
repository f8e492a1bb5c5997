import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

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

describe('message catalogues', () => {
  it('reads the arguments a message prints, as ICU does', () => {
    expect(argumentsOf('{who}, {when} · {n, plural, one {# day in {cycle}} other {today}}')).toEqual(['cycle', 'when', 'who']);
    expect(argumentsOf('{state, select, CLOSED {closed} other {not open}}')).toEqual([]);
  });

  const english = leaves(en as Tree);
  const chinese = leaves(zh as Tree);

  it('say every message in every language', () => {
    expect([...chinese.keys()].filter((key) => !english.has(key))).toEqual([]);
    expect([...english.keys()].filter((key) => !chinese.has(key))).toEqual([]);
  });

  it('give each translation the same arguments as the English message', () => {
    const mismatched = [...english].filter(([key, message]) => {
      const translated = chinese.get(key);
      // A plural may drop "#" in Chinese, but never a named argument.
      return translated !== undefined && argumentsOf(message).some((name) => !argumentsOf(translated).includes(name));
    }).map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});
