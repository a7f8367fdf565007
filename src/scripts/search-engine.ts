/**
 * The browser side of search, shared by the header combobox and the search page.
 * Loads /search/suggest.json (the instant layer: a whole index, or the head of a split
 * one) and, only when needed, Pagefind (the full-text layer); merges both into one
 * ranked list. Nothing here runs before the
 * reader focuses a search box or opens /search/.
 */
import { markTerms } from '../lib/search/highlight.ts';
import { analyzeQuery, highlightTerms, type QueryAnalysis } from '../lib/search/query.ts';
import { unspaceHan, queryWords } from '../lib/search/segment.ts';
import { splitInstantIndex, wholeInstantIndex, type FetchJson, type InstantIndex } from '../lib/search/instant-index.ts';
import { fullTextTerms, mergeResults, prepareIndexInSlices, scoreLocal, textCoverage, type FullTextHit, type LocalResult } from '../lib/search/rank.ts';
import { shorterQueries } from '../lib/search/suggest.ts';
import type { SplitHead, SuggestIndex } from '../lib/search/types.ts';
import { yieldToMain } from './yield.ts';

interface PagefindData {
  url: string;
  excerpt: string;
  content: string;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}
interface PagefindInstance {
  init(): Promise<void>;
  mergeIndex(path: string, options: { language: string }): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] } | null>;
}

export interface SearchItem {
  slug: string;
  /** Article URL carrying ?highlight= so the article marks the query. */
  url: string;
  title: string;
  category: string;
  categoryName: string;
  /** Escaped HTML with <mark>. */
  excerptHtml: string;
  source: 'instant' | 'fulltext' | 'both';
}

/** A ranked article before its title and excerpt are fetched. */
export interface SearchHit {
  doc: number;
  category: string;
  categoryName: string;
}

export interface SearchResponse {
  analysis: QueryAnalysis;
  /** Every article found, best first. */
  hits: SearchHit[];
  /** The first `limit` hits, ready to show. */
  items: SearchItem[];
  /** Items for the hits in one category ('' for all), up to `limit`. */
  itemsFor(category: string, limit?: number): Promise<SearchItem[]>;
  /** Whether the full-text layer was consulted. */
  fullText: boolean;
  /** Whether the instant layer alone leaves part of the query unanswered. */
  needsFullText: boolean;
}

const fetchJson: FetchJson = async (path) => {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
};

let indexPromise: Promise<InstantIndex> | undefined;
export function loadIndex(): Promise<InstantIndex> {
  indexPromise ??= (fetchJson('/search/suggest.json') as Promise<SuggestIndex | SplitHead>).then(async (json) =>
    json.v === 2 ? splitInstantIndex(json, fetchJson) : wholeInstantIndex(await prepareIndexInSlices(json, yieldToMain)),
  );
  indexPromise.catch(() => (indexPromise = undefined));
  return indexPromise;
}

let pagefindPromise: Promise<PagefindInstance> | undefined;
/** `shards`: the index's extra shards (src/lib/search/write-index.ts), merged into one search. */
function loadPagefind(shards: readonly string[]): Promise<PagefindInstance> {
  const url = '/pagefind/pagefind.js';
  pagefindPromise ??= import(/* @vite-ignore */ url).then(async (module: { createInstance(o: object): PagefindInstance }) => {
    // In Pagefind's worker (pagefind-worker.js): compiling the WebAssembly, decoding index
    // chunks and unzipping fragments would otherwise block the page's main thread for
    // hundreds of milliseconds on a phone (Lighthouse's Total Blocking Time on /search/).
    const instance = module.createInstance({ excerptLength: 36 });
    await instance.init();
    // The shards share the bundle's folder. Pagefind skips merging a path the main
    // instance already uses, so they are merged by the folder's absolute URL.
    const bundle = new URL('/pagefind/', location.href).href;
    await Promise.all(shards.map((language) => instance.mergeIndex(bundle, { language })));
    return instance;
  });
  pagefindPromise.catch(() => (pagefindPromise = undefined));
  return pagefindPromise;
}

export function articleUrl(slug: string, terms: readonly string[]): string {
  const base = `/articles/${slug}/`;
  return terms.length ? `${base}?highlight=${encodeURIComponent(terms.slice(0, 6).join(' '))}` : base;
}

interface Instant {
  analysis: QueryAnalysis;
  local: LocalResult;
}
let lastInstant: { index: InstantIndex; query: string; result: Promise<Instant> } | undefined;
/**
 * The instant layer alone. The last answer is kept: the search page and the header box
 * ask for the same query twice (instant first, then with the full text), and analysing
 * it costs ~50 ms on a phone.
 */
export function instantSearch(index: InstantIndex, query: string): Promise<Instant> {
  if (lastInstant?.index === index && lastInstant.query === query) return lastInstant.result;
  const analysis = analyzeQuery(query, index.context);
  const result = index.matcherFor(analysis).then((matcher) => ({ analysis, local: scoreLocal(matcher, analysis) }));
  lastInstant = { index, query, result };
  result.catch(() => (lastInstant = undefined));
  return result;
}

/** Parts of the query that match something on their own, to offer when nothing matches. */
export async function shorterQueriesFor(analysis: QueryAnalysis): Promise<string[]> {
  const index = await loadIndex();
  return shorterQueries(await index.matcherFor(analysis), analysis);
}

/** Does the instant layer leave part of the question to the full text? */
export function needsFullText(local: LocalResult): boolean {
  return local.hits.length < 3 || local.knownWeight === 0 || local.unknown.some((c) => c.source !== 'bigram' && c.source !== 'char');
}

export interface SearchOptions {
  /** 'always' on the search page; 'when-needed' in the header box (fewer bytes); 'never' for the instant first paint. */
  fullText: 'always' | 'when-needed' | 'never';
  /** How many terms Pagefind may look up (each can cost an index chunk). */
  fullTextTerms: number;
  /** How many results get a Pagefind excerpt (each costs a fragment). */
  excerpts: number;
  /** How many full-text-only results may be checked for coverage (each costs a fragment). */
  verify: number;
  /** How many items to make ready (a split index fetches their titles). */
  limit: number;
  /** Stop and return early if this reports the query has changed. */
  stale?: () => boolean;
}

export async function search(query: string, options: SearchOptions): Promise<SearchResponse> {
  const index = await loadIndex();
  const { analysis, local } = await instantSearch(index, query);
  const terms = highlightTerms(analysis);
  let fulltext: (FullTextHit & { result: PagefindResult })[] = [];
  const needed = analysis.concepts.length > 0 && needsFullText(local);
  const useFullText = analysis.concepts.length > 0 && options.fullText !== 'never' && (options.fullText === 'always' || needed);
  const data = new Map<number, PagefindData>();
  if (useFullText) {
    try {
      const [pagefind, ids] = await Promise.all([loadPagefind(index.pagefindShards), index.pagefindDocs()]);
      if (options.stale?.()) return { analysis, hits: [], items: [], itemsFor: () => Promise.resolve([]), fullText: false, needsFullText: needed };
      const searchTerms = fullTextTerms(local, analysis, options.fullTextTerms, options.fullTextTerms === 1);
      // The index holds text cut into words (src/lib/search/segment.ts); the query is cut the same way.
      const words = searchTerms.flatMap((term) => queryWords(term, index.lexicon));
      const response = words.length ? await pagefind.search(words.join(' ')) : null;
      fulltext = (response?.results ?? []).flatMap((r) => {
        const doc = ids.get(r.id);
        return doc === undefined ? [] : [{ doc, score: r.score, result: r }];
      });
      // Articles only the full text found must show that they contain most of the query.
      const localDocs = new Set(local.hits.map((h) => h.doc));
      const unverified = fulltext.filter((h) => !localDocs.has(h.doc)).slice(0, options.verify);
      await Promise.all(
        unverified.map(async (h) => {
          const d = await h.result.data();
          data.set(h.doc, d);
          h.coverage = textCoverage(analysis, d.content);
        }),
      );
    } catch {
      // The instant layer still answers when Pagefind cannot load.
    }
  }
  const merged = mergeResults(local, fulltext);
  const hits = merged.map((hit): SearchHit => {
    const category = index.categories[index.categoryOf(hit.doc)]!;
    return { doc: hit.doc, category: category.slug, categoryName: category.name };
  });
  const sourceOf = new Map(merged.map((hit) => [hit.doc, hit.source]));
  const resultOf = new Map(fulltext.map((h) => [h.doc, h.result]));
  // Pagefind excerpts for the first results that have one, descriptions for the rest.
  await Promise.all(
    merged.slice(0, options.excerpts).map(async (hit) => {
      const result = resultOf.get(hit.doc);
      if (result && !data.has(hit.doc)) data.set(hit.doc, await result.data());
    }),
  );
  const itemsFor = async (category: string, limit = options.limit): Promise<SearchItem[]> => {
    const shown = (category ? hits.filter((h) => h.category === category) : hits).slice(0, limit);
    const summaries = await index.summaries(shown.map((h) => h.doc));
    return shown.map((hit): SearchItem => {
      const doc = summaries.get(hit.doc)!;
      const excerpt = data.get(hit.doc)?.excerpt;
      return {
        slug: doc.slug,
        url: articleUrl(doc.slug, terms),
        title: doc.title,
        category: doc.category,
        categoryName: doc.categoryName,
        // Pagefind's excerpt is escaped text with <mark>, in the index's word-cut form.
        excerptHtml: excerpt ? unspaceHan(excerpt) : markTerms(doc.description, terms),
        source: sourceOf.get(hit.doc)!,
      };
    });
  };
  return { analysis, hits, items: await itemsFor(''), itemsFor, fullText: useFullText, needsFullText: needed };
}
