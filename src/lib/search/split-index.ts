/**
 * The instant index of a large site, split so that a first search downloads a small part
 * of it. A whole SuggestIndex costs every searcher about 300 bytes (gzipped) per
 * article: 34 KB for this site's 105 articles, 1.6 MB for 10,000. Past SPLIT_ABOVE
 * articles the build turns it into
 * - a head (/search/suggest.json, SplitHead): synonyms, corrections, pinyin, categories,
 *   and two numbers per article (category, title length);
 * - gram postings in buckets (/search/grams/<n>.json): for every character and pair of
 *   characters of the articles' fields, which articles have it in which kinds of field;
 *   a search fetches the buckets of its own words' grams;
 * - article chunks (/search/docs/<n>.json): slug, title and summary, fetched for the
 *   results on screen;
 * - /search/pagefind-ids.json: Pagefind page id → article number, fetched with Pagefind
 *   (written by attachFragmentIds in fragments.ts once Pagefind is done).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allGrams, bucketOf, encodePostings, FIELD_BIT, type FieldKind } from './grams.ts';
import { isHan, latinWordsIn, normalizeText } from './normalize.ts';
import type { DocChunk, GramBucket, SplitHead, SuggestIndex } from './types.ts';

/** Sites with more articles than this get a split index (about 90 KB of whole index, gzipped). */
export const SPLIT_ABOVE = 300;
/** SPLIT_ABOVE, or SEARCH_SPLIT_ABOVE when set (tests split a small site with 0). */
export function splitThreshold(env: NodeJS.ProcessEnv): number {
  return env.SEARCH_SPLIT_ABOVE ? Number(env.SEARCH_SPLIT_ABOVE) : SPLIT_ABOVE;
}
/** Articles per chunk file: the results on a first screen come from a few small files. */
export const DOCS_PER_CHUNK = 16;
/** Encoded postings per bucket file, in characters (about 3 KB gzipped). */
export const BUCKET_CHARS = 6000;

export interface SplitIndex {
  head: SplitHead;
  buckets: GramBucket[];
  chunks: DocChunk[];
}

export function splitIndex(index: SuggestIndex, options: { bucketChars?: number; docsPerChunk?: number } = {}): SplitIndex {
  const { bucketChars = BUCKET_CHARS, docsPerChunk = DOCS_PER_CHUNK } = options;
  // Gram → [article, mask, article, mask, …], articles ascending.
  const postings = new Map<string, number[]>();
  const latin = new Set<string>();
  index.docs.forEach((doc, i) => {
    const masks = new Map<string, number>();
    const add = (kind: FieldKind, text: string) => {
      const normalized = normalizeText(text);
      for (const word of latinWordsIn(normalized)) latin.add(word);
      for (const gram of allGrams(normalized)) masks.set(gram, (masks.get(gram) ?? 0) | FIELD_BIT[kind]);
    };
    add('title', doc.t);
    doc.k.forEach((k) => add('alias', k));
    doc.q.forEach((q) => add('faq', q));
    doc.h.forEach((h) => add('heading', h));
    add('description', doc.d);
    for (const [gram, mask] of masks) {
      let list = postings.get(gram);
      if (!list) postings.set(gram, (list = []));
      list.push(i, mask);
    }
  });
  for (const c of index.categories) for (const word of latinWordsIn(normalizeText(c.name))) latin.add(word);

  const encoded = new Map<string, string>();
  let totalChars = 0;
  for (const [gram, list] of postings) {
    const pairs = [];
    for (let k = 0; k < list.length; k += 2) pairs.push({ doc: list[k]!, mask: list[k + 1]! });
    const text = encodePostings(pairs);
    encoded.set(gram, text);
    totalChars += text.length + gram.length + 6;
  }
  const bucketCount = Math.max(1, Math.ceil(totalChars / bucketChars));
  const buckets: GramBucket[] = Array.from({ length: bucketCount }, () => ({}));
  for (const gram of [...encoded.keys()].sort()) buckets[bucketOf(gram, bucketCount)]![gram] = encoded.get(gram)!;

  const chunks: DocChunk[] = [];
  for (let i = 0; i < index.docs.length; i += docsPerChunk) chunks.push(index.docs.slice(i, i + docsPerChunk).map((d) => [d.s, d.t, d.d]));

  const numberOf = new Map(index.docs.map((d, i) => [d.s, i]));
  const phrases = [...new Set(index.docs.flatMap((d) => d.k))];
  const pinyinChars = new Set<string>();
  for (const text of [...phrases, ...index.categories.map((c) => c.name), ...index.synonyms.flat()]) for (const ch of text) if (isHan(ch)) pinyinChars.add(ch);
  const head: SplitHead = {
    v: 2,
    categories: index.categories,
    synonyms: index.synonyms,
    corrections: index.corrections,
    featured: index.featured.flatMap((slug) => {
      const i = numberOf.get(slug);
      return i === undefined ? [] : [{ i, s: slug, t: index.docs[i]!.t }];
    }),
    pinyin: Object.fromEntries(Object.entries(index.pinyin).filter(([ch]) => pinyinChars.has(ch))),
    phrases,
    latin: [...latin].sort(),
    cat: index.docs.map((d) => d.c),
    len: index.docs.map((d) => [...normalizeText(d.t)].length),
    buckets: bucketCount,
    chunk: docsPerChunk,
  };
  return { head, buckets, chunks };
}

/**
 * In a built site: replaces /search/suggest.json by a split index when the site has more
 * than `above` articles (before attachFragmentIds, which then writes pagefind-ids.json).
 * Returns the number of files written (0 when not split).
 */
export function splitSiteIndex(siteDir: string, above = SPLIT_ABOVE): number {
  const searchDir = join(siteDir, 'search');
  const indexFile = join(searchDir, 'suggest.json');
  if (!existsSync(indexFile)) return 0;
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as SuggestIndex;
  if (index.docs.length <= above) return 0;
  const split = splitIndex(index);
  mkdirSync(join(searchDir, 'grams'), { recursive: true });
  mkdirSync(join(searchDir, 'docs'), { recursive: true });
  split.buckets.forEach((bucket, n) => writeFileSync(join(searchDir, 'grams', `${n}.json`), JSON.stringify(bucket)));
  split.chunks.forEach((chunk, n) => writeFileSync(join(searchDir, 'docs', `${n}.json`), JSON.stringify(chunk)));
  writeFileSync(indexFile, JSON.stringify(split.head));
  return split.buckets.length + split.chunks.length + 1;
}
