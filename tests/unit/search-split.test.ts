/**
 * The split instant index of large sites (src/lib/search/split-index.ts, grams.ts,
 * gram-matcher.ts, instant-index.ts): postings that survive their text encoding, and on
 * the site's real articles, split as a 10,000-article site is, rankings that agree with
 * the whole index while a search reads only a few of its files.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { allGrams, bucketOf, decodePostings, encodePostings, FIELD_BIT, lookupGrams, type Posting } from '../../src/lib/search/grams.ts';
import { gramMatcher } from '../../src/lib/search/gram-matcher.ts';
import { splitInstantIndex, wholeInstantIndex, type InstantIndex } from '../../src/lib/search/instant-index.ts';
import { analyzeQuery } from '../../src/lib/search/query.ts';
import { prepareIndex, scoreLocal } from '../../src/lib/search/rank.ts';
import { splitIndex } from '../../src/lib/search/split-index.ts';
import { realSuggestIndex } from '../support/real-suggest-index.ts';
import { evalCases } from '../support/search-eval.ts';

describe('gram postings', () => {
  it('survive their encoding: article 0, every mask, gaps of one to five base-32 digits', () => {
    const postings: Posting[] = [];
    let doc = 0;
    for (let mask = 1; mask < 64; mask++) {
      postings.push({ doc, mask });
      doc += [1, 2, 31, 32, 33, 1023, 1024, 40_000, 2_000_000][mask % 9]!;
    }
    const decoded = decodePostings(encodePostings(postings));
    expect([...decoded]).toEqual(postings.map((p) => [p.doc, p.mask]));
    expect(encodePostings([{ doc: 0, mask: 1 }, { doc: 1, mask: 2 }])).toHaveLength(4);
  });

  it('refuse unsorted articles and text that is not postings', () => {
    expect(() => encodePostings([{ doc: 5, mask: 1 }, { doc: 5, mask: 2 }])).toThrow(/sorted/);
    expect(() => decodePostings('~1')).toThrow(/unexpected “~”/);
    expect(() => decodePostings('0~')).toThrow(/no field mask/);
  });

  it('are looked up by pairs, or by the character itself when the text is one character', () => {
    expect(lookupGrams('租机押金')).toEqual(['租机', '机押', '押金']);
    expect(lookupGrams('锁')).toEqual(['锁']);
    expect(allGrams('被锁')).toEqual(['被', '锁', '被锁']);
    expect(bucketOf('租机', 1000)).toBe(bucketOf('租机', 1000));
    expect(bucketOf('租机', 7)).toBeLessThan(7);
  });

  it('match a text only where all its pairs share a kind of field, and category names for the whole category', () => {
    const p = (entries: [number, number][]) => new Map(entries);
    const matcher = gramMatcher({
      postings: new Map([
        ['零首', p([[0, FIELD_BIT.title], [1, FIELD_BIT.title]])],
        ['首付', p([[0, FIELD_BIT.title | FIELD_BIT.faq], [1, FIELD_BIT.faq]])],
      ]),
      categoryNames: ['零首付专题', '租机指南'],
      categoryOf: [1, 1, 0],
      titleLengths: [8, 9, 5],
      featured: new Set(),
    });
    expect(matcher.fieldsWith(0, '零首付')).toBe(FIELD_BIT.title);
    // Article 1 has 零首 in its title and 首付 in an FAQ question: not the phrase.
    expect(matcher.fieldsWith(1, '零首付')).toBe(0);
    expect(matcher.fieldsWith(2, '零首付')).toBe(FIELD_BIT.category);
    const concept = { source: 'synonym' as const, typed: '零首付', alts: [{ text: '零首付', weight: 1 }], weight: 1 };
    expect([...matcher.conceptHits(concept).keys()]).toEqual([0, 2]);
  });
});

describe('the real articles, split as a large site', () => {
  const suggest = realSuggestIndex();
  const whole = wholeInstantIndex(prepareIndex(suggest));
  // Small buckets, as many files per article as a 10,000-article site gets.
  const parts = splitIndex(suggest, { bucketChars: 1500 });
  const fetched: string[] = [];
  const split = splitInstantIndex(parts.head, async (path) => {
    fetched.push(path);
    const [, kind, n] = /^\/search\/(grams|docs)\/(\d+)\.json$/.exec(path)!;
    return kind === 'grams' ? parts.buckets[Number(n)] : parts.chunks[Number(n)];
  });
  /** Slugs of the first `shown` results, as a results list would fetch them. */
  const ranked = async (index: InstantIndex, query: string, shown = Infinity) => {
    const analysis = analyzeQuery(query, index.context);
    const hits = scoreLocal(await index.matcherFor(analysis), analysis).hits.slice(0, shown);
    const summaries = await index.summaries(hits.map((h) => h.doc));
    return hits.map((h) => summaries.get(h.doc)!.slug);
  };

  it('ranks the evaluation set as the whole index does: the same first article for 95%, always in the first three', async () => {
    let same = 0;
    for (const { q } of evalCases) {
      const [a, b] = [await ranked(whole, q), await ranked(split, q)];
      if (a[0] === b[0]) same++;
      if (a[0]) expect(b.slice(0, 3), q).toContain(a[0]);
    }
    expect(same / evalCases.length).toBeGreaterThanOrEqual(0.95);
  });

  it('reads only the buckets of the query’s pairs and the chunks of the results it shows', async () => {
    fetched.length = 0;
    const fresh = splitInstantIndex(parts.head, async (path) => {
      fetched.push(path);
      const [, kind, n] = /^\/search\/(grams|docs)\/(\d+)\.json$/.exec(path)!;
      return kind === 'grams' ? parts.buckets[Number(n)] : parts.chunks[Number(n)];
    });
    const slugs = await ranked(fresh, '租机押金', 10);
    expect(slugs.slice(0, 3)).toEqual((await ranked(whole, '租机押金')).slice(0, 3));
    const grams = fetched.filter((p) => p.includes('/grams/'));
    const chunks = fetched.filter((p) => p.includes('/docs/'));
    expect(new Set(grams).size).toBe(grams.length);
    expect(chunks.length).toBeLessThanOrEqual(10);
    const gz = (value: unknown) => gzipSync(JSON.stringify(value)).length;
    const bucketBytes = (paths: string[]) => paths.reduce((sum, path) => sum + gz(parts.buckets[Number(/(\d+)\.json$/.exec(path)![1])]), 0);
    const allBuckets = parts.buckets.map((_, n) => `/search/grams/${n}.json`);
    expect(bucketBytes(grams)).toBeLessThan(bucketBytes(allBuckets) / 3);
  });

  it('keeps what the page needs without fetching: categories per article, featured titles, pinyin of the tags', async () => {
    expect(parts.head.cat).toEqual(suggest.docs.map((d) => d.c));
    expect(split.featured.map((f) => f.slug)).toEqual(suggest.featured);
    expect((await ranked(split, 'zuji')).length).toBeGreaterThan(0);
    expect(parts.chunks.flat().map(([slug]) => slug)).toEqual(suggest.docs.map((d) => d.s));
  });
});
