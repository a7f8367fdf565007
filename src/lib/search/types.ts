/**
 * The instant suggestion index (/search/suggest.json), written at build time by
 * src/pages/search/suggest.json.ts and read by the browser. Keys are short because
 * every byte is downloaded by a reader's first search.
 */
export interface SuggestDoc {
  /** slug: the article is /articles/<s>/ */
  s: string;
  /** title */
  t: string;
  /** index into categories */
  c: number;
  /** first sentence of the description (the answer), shown under the title */
  d: string;
  /** tags and editor aliases */
  k: string[];
  /** FAQ questions (readers' own phrasing) */
  q: string[];
  /** ## headings */
  h: string[];
}

export interface SuggestIndex {
  v: 1;
  categories: { slug: string; name: string }[];
  docs: SuggestDoc[];
  /** Synonym groups, normalised. */
  synonyms: string[][];
  /** Typo corrections, normalised: [wrong, right]. */
  corrections: [string, string][];
  /** Slugs offered when nothing matches. */
  featured: string[];
  /**
   * Toneless pinyin of every Han character in the index's phrases (titles, tags,
   * aliases, synonyms, categories); polyphones list every reading ("还" → "hai/huan").
   */
  pinyin: Record<string, string>;
  /** Pagefind page id → slug, added after Pagefind has indexed the built site. */
  pagefindIds?: Record<string, string>;
  /** The full-text index's extra shards (src/lib/search/shards.ts), when it has more than one. */
  pagefindShards?: string[];
}

/**
 * The head of a split instant index (src/lib/search/split-index.ts), served as
 * /search/suggest.json on large sites instead of a SuggestIndex. The articles' fields
 * live in gram postings (/search/grams/<bucket>.json) and their titles and summaries in
 * chunks (/search/docs/<chunk>.json): a search fetches only what its words need.
 */
export interface SplitHead {
  v: 2;
  categories: { slug: string; name: string }[];
  synonyms: string[][];
  corrections: [string, string][];
  /** Articles offered when nothing matches: number, slug and title. */
  featured: { i: number; s: string; t: string }[];
  /** Toneless pinyin of the Han characters of `phrases`, categories and synonyms. */
  pinyin: Record<string, string>;
  /** Tags and aliases: what typed pinyin is matched against besides categories and synonyms. */
  phrases: string[];
  /** Latin words in the fields (app, iphone): typed, they are words, not pinyin. */
  latin: string[];
  /** Per article (in slug order): index into categories. */
  cat: number[];
  /** Per article: title length in characters. */
  len: number[];
  /** How many gram bucket files there are (src/lib/search/grams.ts bucketOf). */
  buckets: number;
  /** Articles per /search/docs/ chunk. */
  chunk: number;
  /** The full-text index's extra shards, as in SuggestIndex. */
  pagefindShards?: string[];
}

/** A bucket file: gram → encoded postings (src/lib/search/grams.ts). */
export type GramBucket = Record<string, string>;

/** A chunk file: per article, [slug, title, summary]. */
export type DocChunk = [string, string, string][];

/** /search/pagefind-ids.json of a split index: Pagefind page id → article number. */
export type PagefindDocIds = Record<string, number>;
