/**
 * The browser side of search, shared by the header combobox and the search page.
 * Loads /search/suggest.json (the instant layer) and, only when needed, Pagefind (the
 * full-text layer); merges both into one ranked list. Nothing here runs before the
 * reader focuses a search box or opens /search/.
 */
import { markTerms } from '../lib/search/highlight.ts';
import { analyzeQuery, highlightTerms, type QueryAnalysis } from '../lib/search/query.ts';
import { unspaceHan, queryWords } from '../lib/search/segment.ts';
import { fullTextTerms, mergeResults, prepareIndexInSlices, scoreLocal, textCoverage, type FullTextHit, type LocalResult, type PreparedIndex } from '../lib/search/rank.ts';
import type { SuggestIndex } from '../lib/search/types.ts';
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

export interface SearchResponse {
  analysis: QueryAnalysis;
  items: SearchItem[];
  /** Whether the full-text layer was consulted. */
  fullText: boolean;
  /** Whether the instant layer alone leaves part of the query unanswered. */
  needsFullText: boolean;
}

let indexPromise: Promise<PreparedIndex> | undefined;
export function loadIndex(): Promise<PreparedIndex> {
  indexPromise ??= fetch('/search/suggest.json')
    .then((r) => {
      if (!r.ok) throw new Error(`suggest.json: HTTP ${r.status}`);
      return r.json() as Promise<SuggestIndex>;
    })
    .then((json) => prepareIndexInSlices(json, yieldToMain));
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

let lastInstant: { index: PreparedIndex; query: string; result: { analysis: QueryAnalysis; local: LocalResult } } | undefined;
/**
 * The instant layer alone: synchronous once the index is loaded. The last answer is kept:
 * the search page and the header box ask for the same query twice (instant first, then
 * with the full text), and analysing it costs ~50 ms on a phone.
 */
export function instantSearch(index: PreparedIndex, query: string): { analysis: QueryAnalysis; local: LocalResult } {
  if (lastInstant?.index === index && lastInstant.query === query) return lastInstant.result;
  const analysis = analyzeQuery(query, index.context);
  const result = { analysis, local: scoreLocal(index, analysis) };
  lastInstant = { index, query, result };
  return result;
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
  /** Stop and return early if this reports the query has changed. */
  stale?: () => boolean;
}

export async function search(query: string, options: SearchOptions): Promise<SearchResponse> {
  const index = await loadIndex();
  const { analysis, local } = instantSearch(index, query);
  const terms = highlightTerms(analysis);
  let fulltext: (FullTextHit & { result: PagefindResult })[] = [];
  const needed = analysis.concepts.length > 0 && needsFullText(local);
  const useFullText = analysis.concepts.length > 0 && options.fullText !== 'never' && (options.fullText === 'always' || needed);
  const data = new Map<string, PagefindData>();
  if (useFullText) {
    try {
      const pagefind = await loadPagefind(index.source.pagefindShards ?? []);
      if (options.stale?.()) return { analysis, items: [], fullText: false, needsFullText: needed };
      const searchTerms = fullTextTerms(local, analysis, options.fullTextTerms, options.fullTextTerms === 1);
      // The index holds text cut into words (src/lib/search/segment.ts); the query is cut the same way.
      const words = searchTerms.flatMap((term) => queryWords(term, index.lexicon));
      const response = words.length ? await pagefind.search(words.join(' ')) : null;
      const ids = index.source.pagefindIds ?? {};
      fulltext = (response?.results ?? []).flatMap((r) => (ids[r.id] ? [{ slug: ids[r.id]!, score: r.score, result: r }] : []));
      // Articles only the full text found must show that they contain most of the query.
      const localSlugs = new Set(local.hits.map((h) => h.slug));
      const unverified = fulltext.filter((h) => !localSlugs.has(h.slug)).slice(0, options.verify);
      await Promise.all(
        unverified.map(async (h) => {
          const d = await h.result.data();
          data.set(h.slug, d);
          h.coverage = textCoverage(analysis, d.content);
        }),
      );
    } catch {
      // The instant layer still answers when Pagefind cannot load.
    }
  }
  const merged = mergeResults(local, fulltext);
  // Pagefind excerpts for the first results that have one, descriptions for the rest.
  const bySlug = new Map(fulltext.map((h) => [h.slug, h.result]));
  await Promise.all(
    merged.slice(0, options.excerpts).map(async (hit) => {
      const result = bySlug.get(hit.slug);
      if (result && !data.has(hit.slug)) data.set(hit.slug, await result.data());
    }),
  );
  const items = merged.map((hit): SearchItem => {
    const doc = index.bySlug.get(hit.slug)!;
    const excerpt = data.get(hit.slug)?.excerpt;
    return {
      slug: doc.slug,
      url: articleUrl(doc.slug, terms),
      title: doc.title,
      category: doc.category,
      categoryName: doc.categoryName,
      // Pagefind's excerpt is escaped text with <mark>, in the index's word-cut form.
      excerptHtml: excerpt ? unspaceHan(excerpt) : markTerms(doc.description, terms),
      source: hit.source,
    };
  });
  return { analysis, items, fullText: useFullText, needsFullText: needed };
}
