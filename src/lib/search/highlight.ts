/**
 * Escaped HTML with the search terms wrapped in <mark>. Terms are matched without
 * regard to case or full-/half-width, so 「ＩＰｈｏｎｅ」 in a text is marked for "iphone".
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

/** [start, end) ranges of the terms in text, longest term first, not overlapping. */
export function termRanges(text: string, terms: readonly string[]): [number, number][] {
  // Compare per UTF-16 unit on a folded copy of the same length.
  const folded = [...text].map((ch) => {
    const f = ch.normalize('NFKC').toLowerCase();
    return f.length === ch.length ? f : ch;
  }).join('');
  const taken: boolean[] = new Array(text.length).fill(false);
  const ranges: [number, number][] = [];
  for (const term of [...new Set(terms)].filter(Boolean).sort((a, b) => b.length - a.length)) {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(term, from);
      if (at < 0) break;
      const end = at + term.length;
      if (!taken.slice(at, end).some(Boolean)) {
        ranges.push([at, end]);
        for (let i = at; i < end; i++) taken[i] = true;
      }
      from = at + 1;
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

export function markTerms(text: string, terms: readonly string[]): string {
  let out = '';
  let last = 0;
  for (const [start, end] of termRanges(text, terms)) {
    out += escapeHtml(text.slice(last, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>';
    last = end;
  }
  return out + escapeHtml(text.slice(last));
}
