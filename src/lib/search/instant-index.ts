/**
 * The instant layer as the search code sees it, whichever form the build wrote: a whole
 * index (SuggestIndex: every article's fields in one file, ranked exactly) or a split one
 * (SplitHead plus gram buckets and article chunks fetched per query, ranked from gram
 * postings). Files are read through `fetchJson`, so Node tests run it on a built site.
 */
import { decodePostings, bucketOf } from './grams.ts';
import { gramMatcher, gramsFor } from './gram-matcher.ts';
import type { QueryAnalysis, QueryContext } from './query.ts';
import { exactMatcher, instantContext, type Matcher, type PreparedIndex } from './rank.ts';
import { lexiconOf, type Lexicon } from './segment.ts';
import type { DocChunk, GramBucket, PagefindDocIds, SplitHead } from './types.ts';

export interface DocSummary {
  slug: string;
  title: string;
  /** The summary's first sentence. */
  description: string;
  category: string;
  categoryName: string;
}

export interface InstantIndex {
  readonly context: QueryContext;
  /** How queries are cut into the full-text index's words. */
  readonly lexicon: Lexicon;
  readonly categories: readonly { slug: string; name: string }[];
  /** Articles offered when nothing matches. */
  readonly featured: readonly { slug: string; title: string }[];
  /** The full-text index's extra shards. */
  readonly pagefindShards: readonly string[];
  /** Whether every article's summary is at hand (a whole index), so results cost nothing to show. */
  readonly whole: boolean;
  /** Index into categories. */
  categoryOf(doc: number): number;
  /** A matcher that can answer everything `analysis` asks (a split index fetches its buckets first). */
  matcherFor(analysis: QueryAnalysis): Promise<Matcher>;
  summaries(docs: readonly number[]): Promise<Map<number, DocSummary>>;
  /** Pagefind page id → article number. */
  pagefindDocs(): Promise<ReadonlyMap<string, number>>;
}

/** The texts a ranking of `analysis` looks up: every alternative of every concept, and the phrases. */
export function analysisTexts(analysis: QueryAnalysis): string[] {
  return [...analysis.concepts.flatMap((c) => c.alts.map((a) => a.text)), ...analysis.phrases];
}

export function wholeInstantIndex(index: PreparedIndex): InstantIndex {
  const matcher = exactMatcher(index);
  const numberOf = new Map(index.docs.map((d, i) => [d.slug, i]));
  const categoryNumber = new Map(index.source.categories.map((c, i) => [c.slug, i]));
  const ids = new Map(Object.entries(index.source.pagefindIds ?? {}).flatMap(([id, slug]) => (numberOf.has(slug) ? [[id, numberOf.get(slug)!] as const] : [])));
  return {
    context: index.context,
    lexicon: index.lexicon,
    categories: index.source.categories,
    featured: index.source.featured.flatMap((slug) => {
      const doc = index.bySlug.get(slug);
      return doc ? [{ slug, title: doc.title }] : [];
    }),
    pagefindShards: index.source.pagefindShards ?? [],
    whole: true,
    categoryOf: (doc) => categoryNumber.get(index.docs[doc]!.category)!,
    matcherFor: () => Promise.resolve(matcher),
    summaries: (docs) =>
      Promise.resolve(
        new Map(
          docs.map((n) => {
            const d = index.docs[n]!;
            return [n, { slug: d.slug, title: d.title, description: d.description, category: d.category, categoryName: d.categoryName }];
          }),
        ),
      ),
    pagefindDocs: () => Promise.resolve(ids),
  };
}

export type FetchJson = (path: string) => Promise<unknown>;

export function splitInstantIndex(head: SplitHead, fetchJson: FetchJson): InstantIndex {
  const context = instantContext(head, head.phrases, new Set(head.latin));
  const once = <T>(cache: Map<number | string, Promise<T>>, key: number | string, load: () => Promise<T>): Promise<T> => {
    let promise = cache.get(key);
    if (!promise) {
      promise = load();
      cache.set(key, promise);
      promise.catch(() => cache.delete(key));
    }
    return promise;
  };
  const buckets = new Map<number | string, Promise<GramBucket>>();
  const chunks = new Map<number | string, Promise<DocChunk>>();
  const ids = new Map<number | string, Promise<ReadonlyMap<string, number>>>();
  const decoded = new Map<string, ReadonlyMap<number, number>>();
  const featured = new Set(head.featured.map((f) => f.i));

  return {
    context,
    lexicon: lexiconOf(head.synonyms.flat()),
    categories: head.categories,
    featured: head.featured.map((f) => ({ slug: f.s, title: f.t })),
    pagefindShards: head.pagefindShards ?? [],
    whole: false,
    categoryOf: (doc) => head.cat[doc]!,
    async matcherFor(analysis) {
      const grams = [...gramsFor(analysisTexts(analysis))];
      const files = await Promise.all(
        grams.map((gram) => {
          const n = bucketOf(gram, head.buckets);
          return once(buckets, n, () => fetchJson(`/search/grams/${n}.json`) as Promise<GramBucket>);
        }),
      );
      const postings = new Map<string, ReadonlyMap<number, number>>();
      grams.forEach((gram, k) => {
        let list = decoded.get(gram);
        if (!list) decoded.set(gram, (list = decodePostings(files[k]![gram] ?? '')));
        postings.set(gram, list);
      });
      return gramMatcher({ postings, categoryNames: head.categories.map((c) => c.name), categoryOf: head.cat, titleLengths: head.len, featured });
    },
    async summaries(docs) {
      const numbers = [...new Set(docs.map((d) => Math.floor(d / head.chunk)))];
      const files = await Promise.all(numbers.map((n) => once(chunks, n, () => fetchJson(`/search/docs/${n}.json`) as Promise<DocChunk>)));
      const byNumber = new Map(numbers.map((n, k) => [n, files[k]!]));
      return new Map(
        docs.map((doc) => {
          const [slug, title, description] = byNumber.get(Math.floor(doc / head.chunk))![doc % head.chunk]!;
          const category = head.categories[head.cat[doc]!]!;
          return [doc, { slug, title, description, category: category.slug, categoryName: category.name }];
        }),
      );
    },
    pagefindDocs: () => once(ids, 0, async () => new Map(Object.entries((await fetchJson('/search/pagefind-ids.json')) as PagefindDocIds))),
  };
}
