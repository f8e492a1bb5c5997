import { highlightMatches } from '@/lib/search/highlight';

/** A search result's text around its first match, the matches marked (<mark>, announced as such). */
export function HighlightedText({ text, words, length }: { text: string; words: string; length?: number }) {
  const { parts, clippedStart, clippedEnd } = highlightMatches(text, words, length ? { length } : undefined);
  return (
    <>
      {clippedStart && '… '}
      {parts.map((part, index) => (part.match
        ? <mark key={index} className="rounded-sm bg-amber-200 px-0.5 text-inherit">{part.text}</mark>
        : <span key={index}>{part.text}</span>))}
      {clippedEnd && ' …'}
    </>
  );
}
