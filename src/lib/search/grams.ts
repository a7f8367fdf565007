/**
 * The split instant index (src/lib/search/split-index.ts) finds articles through their
 * character grams: every single character and every pair of neighbouring characters of
 * the normalised fields. A text of two or more characters can only be in a field whose
 * pairs include all of the text's pairs, so intersecting those pairs' postings finds every
 * article that contains it (and, rarely, one that has the pairs in different places).
 *
 * A posting is an article number and a bit mask of the kinds of field that hold the gram.
 */

/** Field kinds as bits of a posting's mask. */
export const FIELD_BIT = { title: 1, alias: 2, faq: 4, heading: 8, description: 16, category: 32 } as const;
export type FieldKind = keyof typeof FIELD_BIT;

/** The grams to look up for a normalised text: itself if one character, else its pairs. */
export function lookupGrams(text: string): string[] {
  const chars = [...text];
  if (chars.length <= 1) return chars;
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) pairs.add(chars[i]! + chars[i + 1]!);
  return [...pairs];
}

/** Every gram of a normalised text: its characters and its pairs. */
export function allGrams(text: string): string[] {
  const chars = [...text];
  const grams = new Set(chars);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

/** Which bucket file holds a gram's postings (FNV-1a over UTF-16 code units: the same in Node and browsers). */
export function bucketOf(gram: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) {
    hash ^= gram.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % buckets;
}

/*
 * Postings are stored as text, the article numbers as gaps: each gap is written in base
 * 32, most significant digit first, digits from CONTINUE except the last one from END;
 * the mask follows as one character of MASK. Common grams (small gaps) cost two
 * characters per article, which gzip shrinks further.
 */
const END = '0123456789abcdefghijklmnopqrstuv';
const CONTINUE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&(';
const MASK = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';

export interface Posting {
  doc: number;
  mask: number;
}

/** `postings` sorted by article number. */
export function encodePostings(postings: readonly Posting[]): string {
  let out = '';
  let previous = -1;
  for (const { doc, mask } of postings) {
    let gap = doc - previous - 1;
    if (gap < 0) throw new Error('postings must be sorted by article number, without repeats');
    previous = doc;
    const digits: string[] = [END[gap % 32]!];
    gap = Math.floor(gap / 32);
    while (gap > 0) {
      digits.push(CONTINUE[gap % 32]!);
      gap = Math.floor(gap / 32);
    }
    out += digits.reverse().join('') + MASK[mask]!;
  }
  return out;
}

/** Article number → mask. */
export function decodePostings(text: string): Map<number, number> {
  const out = new Map<number, number>();
  let previous = -1;
  let gap = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const high = CONTINUE.indexOf(ch);
    if (high >= 0) {
      gap = gap * 32 + high;
      continue;
    }
    const low = END.indexOf(ch);
    if (low < 0) throw new Error(`not a postings string: unexpected “${ch}” at ${i}`);
    previous += gap * 32 + low + 1;
    gap = 0;
    const mask = MASK.indexOf(text[++i] ?? '');
    if (mask < 1) throw new Error(`not a postings string: no field mask at ${i}`);
    out.set(previous, mask);
  }
  return out;
}
