/**
 * Related articles, ranked by shared vocabulary (TF-IDF over words from Intl.Segmenter's
 * Chinese word segmentation), shared tags and same category.
 *
 * Built for large sites: each article keeps only its strongest terms, and scores are
 * accumulated through an inverted index of those terms, so the cost grows with the
 * number of articles times a constant, not with every pair of articles.
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

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/**
 * Index terms of a text: the words of Intl.Segmenter's Chinese segmentation (two
 * characters or more), plus every two-character run of Han text, because the
 * segmenter's dictionary splits domain words such as 租机 or 征信 into single characters.
 */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const part of segmenter.segment(text)) {
    if (!part.isWordLike) continue;
    const word = part.segment.toLowerCase();
    if ([...word].length >= 2 && !/^[\d.,%]+$/.test(word)) out.push(word);
  }
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

export function computeRelated(items: readonly RelatedInput[], options: RelatedOptions = {}): Map<string, string[]> {
  const limit = options.limit ?? 5;
  const termsPerArticle = options.termsPerArticle ?? 40;
  const n = items.length;

  const counts = items.map((item) => {
    const tf = new Map<string, number>();
    for (const w of words(item.text)) tf.set(w, (tf.get(w) ?? 0) + 1);
    return tf;
  });
  const documentFrequency = new Map<string, number>();
  for (const tf of counts) for (const term of tf.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);

  // Each article's strongest terms, as a unit-length TF-IDF vector.
  const vectors = counts.map((tf) => {
    const weighted: [string, number][] = [];
    for (const [term, count] of tf) {
      const df = documentFrequency.get(term)!;
      if (df === 1) continue; // a word no other article has cannot relate it to anything
      weighted.push([term, (1 + Math.log(count)) * Math.log(n / df)]);
    }
    weighted.sort((a, b) => b[1] - a[1]);
    const top = weighted.slice(0, termsPerArticle);
    const norm = Math.hypot(...top.map(([, w]) => w)) || 1;
    return new Map(top.map(([term, w]) => [term, w / norm]));
  });

  const postings = new Map<string, [number, number][]>();
  vectors.forEach((vector, index) => {
    for (const [term, weight] of vector) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push([index, weight]);
    }
  });
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
  items.forEach((item, self) => {
    const scores = new Map<number, number>();
    const add = (other: number, value: number) => {
      if (other !== self) scores.set(other, (scores.get(other) ?? 0) + value);
    };
    for (const [term, weight] of vectors[self]!) for (const [other, w] of postings.get(term)!) add(other, weight * w);
    const ownTitle = titleTerms[self]!;
    const titleTotal = ownTitle.reduce((sum, term) => sum + titleIdf(term), 0) || 1;
    for (const term of ownTitle) {
      const list = titlePostings.get(term)!;
      if (list.length > Math.max(50, n / 20)) continue; // too common to tell articles apart
      for (const other of list) add(other, (TITLE_WEIGHT * titleIdf(term)) / titleTotal);
    }
    for (const tag of item.tags) {
      const list = tagPostings.get(tag)!;
      // A tag shared by a large part of the site says little about two articles.
      const weight = TAG_WEIGHT * Math.min(1, 20 / list.length);
      for (const other of list) add(other, weight);
    }
    const ranked = [...scores].map(([other, score]) => [other, score + (items[other]!.category === item.category ? CATEGORY_WEIGHT : 0)] as const);
    ranked.sort((a, b) => b[1] - a[1] || items[a[0]]!.slug.localeCompare(items[b[0]]!.slug));
    const chosen = ranked.slice(0, limit).map(([other]) => items[other]!.slug);
    // Never empty: fill from the same category, then from the whole site.
    for (const pool of [byCategory.get(item.category)!, items.map((_, i) => i)]) {
      for (const other of pool) {
        if (chosen.length >= Math.min(limit, n - 1)) break;
        const slug = items[other]!.slug;
        if (other !== self && !chosen.includes(slug)) chosen.push(slug);
      }
    }
    result.set(item.slug, chosen);
  });
  return result;
}
