/**
 * Words to find, for Prisma's `contains`: it becomes a LIKE pattern in which % and _ are
 * wildcards, so a search for "%" would match everything. Escaped, they mean themselves.
 */
export function literalPattern(words: string): string {
  return words.replace(/[\\%_]/g, (character) => `\\${character}`);
}
