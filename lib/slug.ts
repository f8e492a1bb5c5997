/** URL-safe name of a code or document symbol ("GA73/192" -> "ga73-192", "A/74/129" -> "a-74-129"). */
export function slugOf(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
