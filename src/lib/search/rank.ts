/**
 * Ranking. The instant layer scores every article's title, aliases, tags, FAQ
 * questions, headings, description and category against the analysed query
 * (BM25-style inverse document frequency, field weights, coverage of the query's
 * concepts, phrase bonuses). The full-text layer (Pagefind) is merged in with a weight
 * that grows when the instant layer explains less of the query; full-text-only hits
 * must contain most of the query, so nonsense queries do not return weak matches.
 */
import { FIELD_BIT, type FieldKind } from './grams.ts';
import { latinWordsIn, normalizeText } from './normalize.ts';
import { pinyinPhrases } from './pinyin.ts';
import { queryContext, type Concept, type QueryAnalysis, type QueryContext } from './query.ts';
import { lexiconOf, type Lexicon } from './segment.ts';
import type { SuggestDoc, SuggestIndex } from './types.ts';

type Field = FieldKind;
const FIELD_WEIGHT: Record<Field, number> = { title: 10, alias: 7, faq: 5, heading: 4, description: 3, category: 3 };

export interface PreparedDoc {
  slug: string;
  title: string;
  category: string;
  categoryName: string;
  description: string;
  fields: [Field, string][];
}

export interface PreparedIndex {
  source: SuggestIndex;
  docs: PreparedDoc[];
  bySlug: Map<string, PreparedDoc>;
  context: QueryContext;
  featured: Set<string>;
  /** How queries are cut into the full-text index's words (the same synonym terms the build used). */
  lexicon: Lexicon;
}

function prepareDoc(index: SuggestIndex, d: SuggestDoc): PreparedDoc {
  const category = index.categories[d.c]!;
  const fields: [Field, string][] = [
    ['title', normalizeText(d.t)],
    ...d.k.map((k): [Field, string] => ['alias', normalizeText(k)]),
    ...d.q.map((q): [Field, string] => ['faq', normalizeText(q)]),
    ...d.h.map((h): [Field, string] => ['heading', normalizeText(h)]),
    ['description', normalizeText(d.d)],
    ['category', normalizeText(category.name)],
  ];
  return { slug: d.s, title: d.t, category: category.slug, categoryName: category.name, description: d.d, fields };
}

/**
 * The query context of an instant index, whole or split. Pinyin is matched against the
 * phrases readers are likely to mean: `phrases` (titles, tags, aliases), the categories
 * and the synonyms.
 */
export function instantContext(
  index: Pick<SuggestIndex, 'synonyms' | 'corrections' | 'categories' | 'pinyin'>,
  phrases: readonly string[],
  latinWords: ReadonlySet<string>,
): QueryContext {
  const all = [...phrases, ...index.categories.map((c) => c.name), ...index.synonyms.flat()].map(normalizeText);
  return queryContext(index.synonyms, index.corrections, pinyinPhrases(all, index.pinyin), latinWords);
}

function indexOf(index: SuggestIndex, docs: PreparedDoc[]): PreparedIndex {
  const latinWords = new Set(docs.flatMap((doc) => doc.fields.flatMap(([, text]) => latinWordsIn(text))));
  return {
    source: index,
    docs,
    bySlug: new Map(docs.map((d) => [d.slug, d])),
    context: instantContext(index, index.docs.flatMap((d) => [d.t, ...d.k]), latinWords),
    featured: new Set(index.featured),
    lexicon: lexiconOf(index.synonyms.flat()),
  };
}

export function prepareIndex(index: SuggestIndex): PreparedIndex {
  return indexOf(index, index.docs.map((d) => prepareDoc(index, d)));
}

/**
 * prepareIndex in slices of `size` articles, awaiting `pause` between them: in one piece
 * it blocks a mid-range phone's main thread for ~200 ms (Lighthouse's Total Blocking Time
 * on /search/); the browser passes a yield to the event loop.
 */
export async function prepareIndexInSlices(index: SuggestIndex, pause: () => Promise<void>, size = 20): Promise<PreparedIndex> {
  const docs: PreparedDoc[] = [];
  for (let i = 0; i < index.docs.length; i += size) {
    if (i > 0) await pause();
    for (const d of index.docs.slice(i, i + size)) docs.push(prepareDoc(index, d));
  }
  await pause();
  return indexOf(index, docs);
}

export interface LocalHit {
  /** Article number: its position in the index (articles are in slug order). */
  doc: number;
  score: number;
  /** Share of the query's (locally known) weight this article matches, 0–1. */
  coverage: number;
}

export interface LocalResult {
  hits: LocalHit[];
  /** Concepts no article's fields contain: only the full text can answer them. */
  unknown: Concept[];
  /** Total idf-weighted importance of concepts the fields know. */
  knownWeight: number;
}

/**
 * What ranking needs to know about the articles' fields. `exactMatcher` reads the fields
 * themselves (the whole index is in the browser); a split index answers from gram
 * postings (src/lib/search/gram-matcher.ts), fetched for the query's words only.
 */
export interface Matcher {
  /** How many articles there are. */
  readonly size: number;
  /** Article → how strongly it matches the concept (see fieldStrength), for articles that do. */
  conceptHits(concept: Concept): Map<number, number>;
  /** The kinds of field (FIELD_BIT) of the article whose text contains `text`; 0 for none. */
  fieldsWith(doc: number, text: string): number;
  titleLength(doc: number): number;
  isFeatured(doc: number): boolean;
}

/** A match in the best field, plus a little for every other field that has it (0–1.3). */
export function fieldStrength(weight: number, top: number, extra: number): number {
  return (weight * (top + Math.min(extra * 0.15, 3))) / FIELD_WEIGHT.title;
}

/** The strongest of the fields' weights, and the sum of the others, for every FIELD_BIT mask (there are 64). */
const MASK_WEIGHTS = Array.from({ length: 64 }, (_, mask) => {
  let top = 0;
  let extra = 0;
  for (const [field, bit] of Object.entries(FIELD_BIT) as [Field, number][]) {
    if (!(mask & bit)) continue;
    const w = FIELD_WEIGHT[field];
    if (w > top) {
      extra += top;
      top = w;
    } else extra += w;
  }
  return { top, extra };
});

/** The strongest of the fields' weights, and the sum of the others, for a FIELD_BIT mask. */
export const maskWeights = (mask: number): { top: number; extra: number } => MASK_WEIGHTS[mask]!;

/** How strongly a doc matches a concept: the best field, plus a little for every other field. */
function conceptHit(doc: PreparedDoc, concept: Concept): number {
  let best = 0;
  for (const alt of concept.alts) {
    let top = 0;
    let extra = 0;
    for (const [field, text] of doc.fields) {
      if (!text.includes(alt.text)) continue;
      const w = FIELD_WEIGHT[field];
      if (w > top) {
        extra += top;
        top = w;
      } else extra += w;
    }
    if (top > 0) best = Math.max(best, fieldStrength(alt.weight, top, extra));
  }
  return best;
}

/** A matcher over the fields of a whole index (sites small enough to download it all). */
export function exactMatcher(index: PreparedIndex): Matcher {
  const featured = new Set(index.docs.flatMap((d, i) => (index.featured.has(d.slug) ? [i] : [])));
  return {
    size: index.docs.length,
    conceptHits(concept) {
      const values = new Map<number, number>();
      index.docs.forEach((doc, i) => {
        const v = conceptHit(doc, concept);
        if (v > 0) values.set(i, v);
      });
      return values;
    },
    fieldsWith(doc, text) {
      let mask = 0;
      for (const [field, fieldText] of index.docs[doc]!.fields) if (fieldText.includes(text)) mask |= FIELD_BIT[field];
      return mask;
    },
    titleLength: (doc) => [...index.docs[doc]!.fields[0]![1]].length,
    isFeatured: (doc) => featured.has(doc),
  };
}

export function scoreLocal(matcher: Matcher, analysis: QueryAnalysis): LocalResult {
  const n = matcher.size;
  const hits = new Map<number, { score: number; matched: number; inTitle: number }>();
  const unknown: Concept[] = [];
  let knownWeight = 0;
  const inTitle = (doc: number, text: string) => (matcher.fieldsWith(doc, text) & FIELD_BIT.title) !== 0;
  const perConcept = analysis.concepts.map((concept) => ({ concept, values: matcher.conceptHits(concept) }));
  for (const { concept, values } of perConcept) {
    const df = values.size;
    if (df === 0) {
      unknown.push(concept);
      continue;
    }
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    const importance = concept.weight * Math.max(idf, 0.2);
    knownWeight += importance;
    for (const [doc, v] of values) {
      const hit = hits.get(doc) ?? { score: 0, matched: 0, inTitle: 0 };
      hit.score += importance * v;
      hit.matched += importance;
      if (concept.alts.some((a) => inTitle(doc, a.text))) hit.inTitle += importance;
      hits.set(doc, hit);
    }
  }
  const result: LocalHit[] = [];
  for (const [doc, hit] of hits) {
    const coverage = knownWeight > 0 ? hit.matched / knownWeight : 0;
    let score = hit.score * (0.2 + 0.8 * coverage * coverage);
    // A title that says everything the reader asked is the best evidence we have.
    if (knownWeight > 0) score *= 1 + 0.6 * (hit.inTitle / knownWeight);
    // Whole phrases as typed ("租机到期", "被锁") count more than their scattered pairs.
    for (const phrase of analysis.phrases) {
      const fields = matcher.fieldsWith(doc, phrase);
      if (fields & FIELD_BIT.title) score *= 1.35;
      else if (fields) score *= 1.15;
    }
    // Ties among equally good titles: the shorter, more focused title, then the editors' picks.
    const titleChars = matcher.titleLength(doc) || 1;
    const covered = analysis.concepts.reduce((sum, c) => sum + Math.max(0, ...c.alts.filter((a) => inTitle(doc, a.text)).map((a) => [...a.text].length)), 0);
    score *= 1 + 0.15 * Math.min(1, covered / titleChars);
    if (matcher.isFeatured(doc)) score *= 1.08;
    result.push({ doc, score, coverage });
  }
  result.sort((a, b) => b.score - a.score || a.doc - b.doc);
  // Keep articles that match a fair share of the query, or the single strongest concept.
  const strongest = Math.max(0, ...result.map((r) => r.coverage));
  const threshold = Math.min(0.34, strongest);
  return { hits: result.filter((r) => r.coverage >= threshold - 1e-9), unknown, knownWeight };
}

export interface FullTextHit {
  doc: number;
  /** Pagefind's score. */
  score: number;
  /** Share of the query found in the article's full text, 0–1, when known. */
  coverage?: number;
}

export interface MergedHit {
  doc: number;
  score: number;
  source: 'instant' | 'fulltext' | 'both';
}

/** Share of the query's concepts (by weight) that a text contains. */
export function textCoverage(analysis: QueryAnalysis, text: string): number {
  const normalized = normalizeText(text);
  let total = 0;
  let found = 0;
  for (const c of analysis.concepts) {
    total += c.weight;
    if (c.alts.some((a) => normalized.includes(a.text))) found += c.weight;
  }
  return total > 0 ? found / total : 0;
}

/** Minimum share of the query a full-text-only article must contain to be shown. */
export const FULLTEXT_MIN_COVERAGE = 0.5;

export function mergeResults(local: LocalResult, fulltext: readonly FullTextHit[]): MergedHit[] {
  const maxLocal = Math.max(0, ...local.hits.map((h) => h.score));
  const maxFull = Math.max(0, ...fulltext.map((h) => h.score));
  const topCoverage = local.hits[0]?.coverage ?? 0;
  // Concepts the fields do not know shift weight to the full text. Unknown character
  // pairs are often just pairs across two words ("统故" in 系统故障), so they count less.
  const unknownWeight = local.unknown.reduce((s, c) => s + c.weight * (c.source === 'bigram' ? 0.25 : 1), 0);
  const unknownShare = unknownWeight / Math.max(1e-9, unknownWeight + local.knownWeight);
  const fullWeight = local.hits.length === 0 ? 1 : Math.min(0.75, 0.1 + 0.4 * (1 - topCoverage) + 0.5 * unknownShare);
  const merged = new Map<number, MergedHit>();
  for (const hit of local.hits) merged.set(hit.doc, { doc: hit.doc, score: (1 - fullWeight) * (hit.score / maxLocal), source: 'instant' });
  for (const hit of fulltext) {
    const relative = maxFull > 0 ? hit.score / maxFull : 0;
    const existing = merged.get(hit.doc);
    if (existing) {
      existing.score += fullWeight * relative;
      existing.source = 'both';
    } else if ((hit.coverage ?? 0) >= FULLTEXT_MIN_COVERAGE) {
      merged.set(hit.doc, { doc: hit.doc, score: fullWeight * relative * (hit.coverage ?? 0), source: 'fulltext' });
    }
  }
  return [...merged.values()].sort((a, b) => b.score - a.score || a.doc - b.doc);
}

/**
 * Search terms worth sending to the full-text index, most informative first. Each
 * distinct word can cost Pagefind an index chunk (~30 KB), so callers cap the count;
 * `singleWords` avoids long phrases that Pagefind would split into several words.
 */
export function fullTextTerms(local: LocalResult, analysis: QueryAnalysis, limit: number, singleWords = false): string[] {
  const terms: string[] = [];
  const add = (t: string) => {
    if (t && !terms.includes(t) && !terms.some((x) => x.includes(t))) terms.push(t);
  };
  const phraseOf = (c: Concept) => (singleWords ? c.typed : (analysis.phrases.find((p) => p.includes(c.typed)) ?? c.typed));
  const lone = analysis.concepts.length === 1;
  // Unknown to the fields first: only the full text can answer them.
  for (const c of local.unknown) if (c.source !== 'char' || lone) add(c.source === 'bigram' ? phraseOf(c) : c.alts[0]!.text);
  for (const c of analysis.concepts) if (c.source !== 'bigram' && (c.source !== 'char' || lone)) add(c.alts[0]!.text);
  if (!singleWords) for (const p of analysis.phrases) add(p);
  for (const c of analysis.concepts) if (c.source === 'bigram') add(c.typed);
  return terms.slice(0, limit);
}
