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
