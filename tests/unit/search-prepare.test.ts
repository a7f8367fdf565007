/**
 * prepareIndexInSlices (src/lib/search/rank.ts), which the browser uses so preparing the
 * instant index never blocks a phone's main thread for long: on the site's real articles
 * and search data it must give exactly what prepareIndex gives, pausing between slices.
 */
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/lib/search/query.ts';
import { exactMatcher, prepareIndex, prepareIndexInSlices, scoreLocal } from '../../src/lib/search/rank.ts';
import { realSuggestIndex } from '../support/real-suggest-index.ts';

const suggest = realSuggestIndex();

describe('prepareIndexInSlices', () => {
  it('prepares the real index exactly as prepareIndex does, pausing between slices of 20 articles', async () => {
    expect(suggest.docs.length).toBeGreaterThan(100);
    let pauses = 0;
    const sliced = await prepareIndexInSlices(suggest, async () => void pauses++);
    const whole = prepareIndex(suggest);
    expect(pauses).toBe(Math.ceil(suggest.docs.length / 20));
    expect(sliced.docs).toEqual(whole.docs);
    expect([...sliced.bySlug.keys()]).toEqual([...whole.bySlug.keys()]);
    expect(sliced.context).toEqual(whole.context);
    expect(sliced.featured).toEqual(whole.featured);
    expect(sliced.lexicon).toEqual(whole.lexicon);
    for (const query of ['租机', '分期', '芝麻分', '手机被锁', 'zuji']) {
      expect(scoreLocal(exactMatcher(sliced), analyzeQuery(query, sliced.context))).toEqual(scoreLocal(exactMatcher(whole), analyzeQuery(query, whole.context)));
    }
  });
});
