// References are stored as English citations ("1(a)", "para. 5(b)"): they are the key that
// translations are attached by. Shown, an operative paragraph reads as the language cites it.
const PARAGRAPH = /^para\. (\d+)(\([a-z]+\))?$/;

export function displayReference(reference: string, locale: string): string {
  const match = PARAGRAPH.exec(reference);
  if (!match || locale !== 'zh') return reference;
  return `第${match[1]}${match[2] ?? ''}段`;
}
