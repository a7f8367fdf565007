/**
 * The search evaluation set (tests/search/queries.yaml) run through the real UI of the
 * built site in Chromium: every query typed into the search page, and into the header
 * combobox on an article page. Reports recall@1, recall@5 and MRR; fails if recall@5
 * drops below 0.9. A query "hits" when one of its expected articles is in the list.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIST } from '../support/dist.ts';
import { realSuggestIndex } from '../support/real-suggest-index.ts';
import { evalCases as cases, rankInCombobox, rankOnSearchPage, score } from '../support/search-eval.ts';
import { useServedSite } from '../support/served-site.ts';

const site = useServedSite();
const errors: string[] = [];

describe('search evaluation set', () => {
  it('has at least 80 queries, each expecting real articles', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    for (const c of cases) {
      expect(c.expect.length, c.q).toBeGreaterThan(0);
      for (const slug of c.expect) expect(readFileSync(`${DIST}/articles/${slug}/index.html`, 'utf8').length, `${c.q} → ${slug}`).toBeGreaterThan(0);
    }
  });

  it('search page: recall@5 ≥ 0.9', { timeout: 600_000 }, async () => {
    const metrics = score(await rankOnSearchPage(site, errors), '搜索页');
    expect(metrics.recallAt5).toBeGreaterThanOrEqual(0.9);
  });

  it('header combobox on an article page: recall@5 ≥ 0.9', { timeout: 600_000 }, async () => {
    const slugByTitle = new Map(realSuggestIndex().docs.map((d) => [d.t, d.s]));
    const metrics = score(await rankInCombobox(site, errors, slugByTitle), '页头搜索框');
    expect(metrics.recallAt5).toBeGreaterThanOrEqual(0.9);
  });

  it('no page errors', () => {
    expect(errors).toEqual([]);
  });
});
