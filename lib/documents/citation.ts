// How paragraphs are cited: "A/74/129, para. 25" / "A/74/129，第25段", and ranges
// "paras. 25-36" for the evidence of a thematic area.

/** Consecutive numbers folded into ranges: [25, 26, 27, 30] -> "25-27, 30". */
export function numberRanges(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let start = 0; start < sorted.length; ) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end += 1;
    ranges.push(end === start ? String(sorted[start]) : `${sorted[start]}-${sorted[end]}`);
    start = end + 1;
  }
  return ranges.join(', ');
}

export function paragraphPath(document: { slug: string; language: string }, number: number): string {
  return `/documents/${document.slug}/${document.language}/paragraphs/${number}`;
}
