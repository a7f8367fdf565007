/**
 * Related articles, ranked by shared vocabulary (TF-IDF over pairs of Han characters and
 * Latin words), shared tags and same category.
 *
 * Built for large sites: each article keeps only its strongest terms, scores are
 * accumulated through an inverted index of those terms, and a term shared by very many
 * articles contributes only its strongest postings. The cost grows with the number of
 * articles times a constant, not with every pair of articles (10,000 articles: about 9 s,
 * where full posting lists took minutes).
 */

export interface RelatedInput {
  slug: string;
  category: string;
  tags: readonly string[];
  title: string;
  /** Body prose. */
  text: string;
}

export interface RelatedOptions {
  /** How many related articles per article. */
  limit?: number;
  /** How many of an article's strongest terms take part. */
  termsPerArticle?: number;
}

/**
 * Index terms of a text: every pair of neighbouring characters in a run of Han text
 * (租机, 机押, 押金…), and Latin words of two letters or more (iphone, apr), lowercased;
 * no numbers. Character pairs are the usual terms for comparing Chinese documents: no
 * dictionary to miss domain words such as 租机 or 征信, and no segmenter to run. With
 * Intl.Segmenter's words as well, ranking took 3.7 times as long (10,000 articles: 32 s
 * instead of 9 s) for the same related articles in nine cases out of ten.
 */
export function words(text: string): string[] {
  const out: string[] = text.toLowerCase().match(/[a-z][a-z0-9]+/g) ?? [];
  for (const run of text.match(/\p{Script=Han}{2,}/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 2 <= chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** A title that shares all its distinctive terms with another article's title adds this much. */
const TITLE_WEIGHT = 1.5;
const TAG_WEIGHT = 0.15;
const CATEGORY_WEIGHT = 0.1;
/** Postings kept per term: those of the articles where the term weighs most. */
const POSTINGS_PER_TERM = 100;
/** A tag on more articles than this says too little about any two of them to count. */
const MAX_TAG_ARTICLES = 200;

/**
 * The k best items in order (best first), in one pass: cheaper than sorting everything
 * when there are thousands of candidates and only a handful are kept.
 */
export function topK<T>(items: Iterable<T>, k: number, better: (a: T, b: T) => boolean): T[] {
  const top: T[] = [];
  for (const item of items) {
    if (top.length === k && !better(item, top[k - 1]!)) continue;
    let at = top.length === k ? k - 1 : top.length;
    while (at > 0 && better(item, top[at - 1]!)) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = item;
    if (top.length > k) top.length = k;
  }
  return top;
}

export function computeRelated(input: readonly RelatedInput[], options: RelatedOptions = {}): Map<string, string[]> {
  // In slug order, so the result never depends on the order the caller listed articles in
  // (the build computes it from the files, a page from the content collection).
  const items = [...input].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const limit = options.limit ?? 5;
  const termsPerArticle = options.termsPerArticle ?? 40;
  const n = items.length;

  // Terms become integer ids, and each article keeps its term ids and counts in arrays:
  // a Map of strings per article cost about 2 GB and half a minute at 10,000 articles.
  const termIds = new Map<string, number>();
  const documentFrequency: number[] = [];
  /** Per term id: 1 + its position in the article being counted, 0 when not yet seen. */
  const slot: number[] = [];
  const counts = items.map((item) => {
    const ids: number[] = [];
    const tf: number[] = [];
    for (const word of words(item.text)) {
      let id = termIds.get(word);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(word, id);
        documentFrequency.push(0);
        slot.push(0);
      }
      const at = slot[id]!;
      if (at) tf[at - 1]!++;
      else {
        ids.push(id);
        tf.push(1);
        slot[id] = ids.length;
      }
    }
    for (const id of ids) {
      slot[id] = 0;
      documentFrequency[id]!++;
    }
    return { ids: Int32Array.from(ids), tf: Int32Array.from(tf) };
  });

  // Each article's strongest terms, as a unit-length TF-IDF vector.
  const vectors = counts.map(({ ids, tf }) => {
    const weighted: [number, number][] = [];
    ids.forEach((id, i) => {
      const df = documentFrequency[id]!;
      if (df === 1) return; // a word no other article has cannot relate it to anything
      weighted.push([id, (1 + Math.log(tf[i]!)) * Math.log(n / df)]);
    });
    const top = topK(weighted, termsPerArticle, (a, b) => a[1] > b[1]);
    const norm = Math.hypot(...top.map(([, w]) => w)) || 1;
    return top.map(([id, w]): [number, number] => [id, w / norm]);
  });

  const postings = new Map<number, [number, number][]>();
  vectors.forEach((vector, index) => {
    for (const [term, weight] of vector) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push([index, weight]);
    }
  });
  for (const [term, list] of postings) {
    if (list.length > POSTINGS_PER_TERM) postings.set(term, list.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, POSTINGS_PER_TERM));
  }
  // Titles state the topic, so shared title terms count on their own, weighted by rarity.
  const titleTerms = items.map((item) => [...new Set(words(item.title))]);
  const titlePostings = new Map<string, number[]>();
  titleTerms.forEach((terms, index) => {
    for (const term of terms) {
      let list = titlePostings.get(term);
      if (!list) titlePostings.set(term, (list = []));
      list.push(index);
    }
  });
  const titleIdf = (term: string) => Math.log((n + 1) / titlePostings.get(term)!.length);
  const tagPostings = new Map<string, number[]>();
  items.forEach((item, index) => {
    for (const tag of item.tags) {
      let list = tagPostings.get(tag);
      if (!list) tagPostings.set(tag, (list = []));
      list.push(index);
    }
  });
  const byCategory = new Map<string, number[]>();
  items.forEach((item, index) => {
    let list = byCategory.get(item.category);
    if (!list) byCategory.set(item.category, (list = []));
    list.push(index);
  });

  const result = new Map<string, string[]>();
  // One score per article, reused for every article: only the touched entries are read
  // and reset (a Map per article was most of the time at 10,000 articles).
  const scores = new Float64Array(n);
  const touched = new Uint8Array(n);
  const candidates: number[] = [];
  items.forEach((item, self) => {
    const add = (other: number, value: number) => {
      if (other === self) return;
      if (!touched[other]) {
        touched[other] = 1;
        candidates.push(other);
      }
      scores[other] = scores[other]! + value;
    };
    for (const [term, weight] of vectors[self]!) for (const [other, w] of postings.get(term)!) add(other, weight * w);
    const commonTitleTerm = Math.min(POSTINGS_PER_TERM, Math.max(50, n / 20));
    const ownTitle = titleTerms[self]!;
    const titleTotal = ownTitle.reduce((sum, term) => sum + titleIdf(term), 0) || 1;
    for (const term of ownTitle) {
      const list = titlePostings.get(term)!;
      if (list.length > commonTitleTerm) continue; // too common to tell articles apart
      for (const other of list) add(other, (TITLE_WEIGHT * titleIdf(term)) / titleTotal);
    }
    for (const tag of item.tags) {
      const list = tagPostings.get(tag)!;
      if (list.length > MAX_TAG_ARTICLES) continue;
      // A tag shared by a large part of the site says little about two articles.
      const weight = TAG_WEIGHT * Math.min(1, 20 / list.length);
      for (const other of list) add(other, weight);
    }
    const ranked = candidates.map((other) => [other, scores[other]! + (items[other]!.category === item.category ? CATEGORY_WEIGHT : 0)] as const);
    for (const other of candidates) {
      scores[other] = 0;
      touched[other] = 0;
    }
    candidates.length = 0;
    const better = (a: (typeof ranked)[number], b: (typeof ranked)[number]) => a[1] > b[1] || (a[1] === b[1] && items[a[0]]!.slug.localeCompare(items[b[0]]!.slug) < 0);
    const chosen = topK(ranked, limit, better).map(([other]) => items[other]!.slug);
    // Never empty: fill from the same category, then from the whole site.
    const fill = (other: number) => {
      const slug = items[other]!.slug;
      if (other !== self && !chosen.includes(slug)) chosen.push(slug);
    };
    const wanted = Math.min(limit, n - 1);
    for (const other of byCategory.get(item.category)!) {
      if (chosen.length >= wanted) break;
      fill(other);
    }
    for (let other = 0; other < n && chosen.length < wanted; other++) fill(other);
    result.set(item.slug, chosen);
  });
  return result;
}
