/**
 * Pure text measurements over an article's Markdown/MDX body. Used by the content
 * tests, the editor linter and the related-articles ranking, so every rule about
 * "how long", "which links" and "how similar" has exactly one definition.
 */

const HAN = /\p{Script=Han}/gu;

/** Number of Chinese (Han) characters: the unit of the length rules in the content guide. */
export function countHanChars(text: string): number {
  return text.match(HAN)?.length ?? 0;
}

/** Texts of the `##` headings (not `###`), in order. */
export function h2Headings(body: string): string[] {
  return [...body.matchAll(/^##[ \t]+(.+?)[ \t]*#*$/gm)].map((m) => m[1]!.trim());
}

export interface InternalLink {
  slug: string;
  /** Fragment without the `#`, or undefined. */
  anchor?: string;
  line: number;
}

/** Links to other articles, written as `](/articles/<slug>/)` or `](/articles/<slug>/#anchor)`. */
export function articleLinks(body: string): InternalLink[] {
  const links: InternalLink[] = [];
  const lines = body.split('\n');
  lines.forEach((text, index) => {
    for (const m of text.matchAll(/\]\(\/articles\/([^/)#\s]+)\/?(?:#([^)\s]+))?\)/g)) {
      links.push({ slug: m[1]!, anchor: m[2] ? decodeURIComponent(m[2]) : undefined, line: index + 1 });
    }
  });
  return links;
}

/**
 * The prose of a body with Markdown syntax, link targets and whitespace removed, so
 * that similarity compares what a reader reads, not shared markup.
 */
export function proseOf(body: string): string {
  return body
    .replace(/```[\s\S]*?```/g, '')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>]+>/g, '')
    .replace(/[#>*_`|\-\[\]\s:：]/g, '');
}

/** Set of hashed character k-grams (shingles) of a text. */
export function shingles(text: string, size = 5): Set<string> {
  const set = new Set<string>();
  const chars = [...text];
  for (let i = 0; i + size <= chars.length; i++) set.add(chars.slice(i, i + size).join(''));
  return set;
}

/** Jaccard similarity |A∩B| / |A∪B| of two shingle sets, 0 when both are empty. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}
