/**
 * Search as a large site gets it, on the real articles.
 * - The full text: the build is told that a shard holds 40 pages and a shard may write
 *   10 fragment files (at 10,000 articles: 2,000 and 1,000), so its 105 articles make
 *   three Pagefind indexes, written by separate processes and merged in the browser, with several pages' fragments in each
 *   file (src/lib/search/write-index.ts).
 * - The instant layer: the build splits it as it does past SPLIT_ABOVE articles (a head,
 *   gram buckets and article chunks, src/lib/search/split-index.ts).
 * Readers must not notice: every article still has its Pagefind id, queries that only the
 * full text answers still find the article they mean, and the evaluation set scores as
 * it must on the whole index.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { PagefindDocIds, SplitHead } from '../../src/lib/search/types.ts';
import { useBuiltSite } from '../support/built-site.ts';
import { realSuggestIndex } from '../support/real-suggest-index.ts';
import { rankInCombobox, rankOnSearchPage, score } from '../support/search-eval.ts';

/** Queries of the evaluation set that no title, tag or summary answers alone. */
const FULL_TEXT_QUERIES = ['租机贷款怎么脱身', '租机中介垫资', '挖掘机租赁', '得劲租机结案', '中山手机店', '重庆远程分期'];
const expected = new Map(
  (YAML.parse(readFileSync('tests/search/queries.yaml', 'utf8')) as { q: string; expect: string[] }[]).map((c) => [String(c.q), c.expect]),
);

const site = useBuiltSite('content', { SEARCH_SHARD_SIZE: '40', SEARCH_FRAGMENT_FILES: '10', SEARCH_SPLIT_ABOVE: '0' });
const articles = realSuggestIndex().docs;
const readJson = (path: string) => JSON.parse(readFileSync(join(site.out, path), 'utf8')) as unknown;
const errors: string[] = [];

describe('a sharded full-text index with grouped fragments, and a split instant index', () => {
  it('has three shards, fewer fragment files than pages, and an id for every article', () => {
    const entry = JSON.parse(readFileSync(join(site.out, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).map((l) => l.page_count)).toEqual([40, 40, 25]);
    const fragmentFiles = readdirSync(join(site.out, 'pagefind/fragment')).length;
    expect(fragmentFiles).toBeLessThanOrEqual(30);
    const head = readJson('search/suggest.json') as SplitHead;
    expect(head.pagefindShards).toHaveLength(2);
    const ids = readJson('search/pagefind-ids.json') as PagefindDocIds;
    expect(new Set(Object.values(ids)).size).toBe(articles.length);
  });


  it.each(FULL_TEXT_QUERIES)('%s finds the article it means in the first five, with an excerpt from the grouped fragments', async (query) => {
    const page = await site.browser.newPage();
    page.on('pageerror', (e) => errors.push(`${query}: ${e.message}`));
    await page.addInitScript(() => document.addEventListener('search:rendered', () => document.documentElement.setAttribute('data-rendered', '')));
    site.server.requests.length = 0;
    await page.goto(`${site.server.url}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForSelector('html[data-rendered]', { state: 'attached' });
    const slugs = (await page.locator('[data-search-results] h2 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname))).map((p) => p.split('/')[2]);
    expect(slugs.slice(0, 5).some((s) => expected.get(query)!.includes(s!)), `${query} → ${slugs.slice(0, 5).join(', ')}`).toBe(true);
    const fetched = site.server.requests.map((r) => r.path);
    expect(fetched.filter((p) => p.endsWith('.pf_meta')), 'all three shards are searched').toHaveLength(3);
    expect(fetched.some((p) => p.startsWith('/pagefind/fragment/')), 'excerpts come from fragment groups').toBe(true);
    await page.close();
    expect(errors).toEqual([]);
  });

  it('splits the instant index: a head with no article text, gram buckets, article chunks in slug order', () => {
    const head = readJson('search/suggest.json') as SplitHead;
    expect(head.v).toBe(2);
    expect(head.cat).toHaveLength(articles.length);
    expect(JSON.stringify(head)).not.toContain(articles[0]!.t);
    expect(readdirSync(join(site.out, 'search/grams'))).toHaveLength(head.buckets);
    const chunks = readdirSync(join(site.out, 'search/docs')).map((f) => readJson(`search/docs/${f}`) as [string, string, string][]);
    expect(chunks).toHaveLength(Math.ceil(articles.length / head.chunk));
    const inOrder = Array.from({ length: chunks.length }, (_, n) => readJson(`search/docs/${n}.json`) as [string, string, string][]).flat();
    expect(inOrder.map(([slug, title]) => [slug, title])).toEqual(articles.map((a) => [a.s, a.t]));
  });

  it('search page: the evaluation set scores recall@5 ≥ 0.9 with the split index and the sharded full text', { timeout: 600_000 }, async () => {
    const metrics = score(await rankOnSearchPage(site, errors), '搜索页（拆分索引）');
    expect(metrics.recallAt5).toBeGreaterThanOrEqual(0.9);
    expect(errors).toEqual([]);
  });

  it('header combobox: the evaluation set scores recall@5 ≥ 0.9 with the split index', { timeout: 600_000 }, async () => {
    const metrics = score(await rankInCombobox(site, errors, new Map(articles.map((a) => [a.t, a.s]))), '页头搜索框（拆分索引）');
    expect(metrics.recallAt5).toBeGreaterThanOrEqual(0.9);
    expect(errors).toEqual([]);
  });

  it('a broad query lists the best 30, says how many it found, and a category filter lists that category’s best', async () => {
    const page = await site.browser.newPage();
    page.on('pageerror', (e) => errors.push(`分期: ${e.message}`));
    await page.addInitScript(() => document.addEventListener('search:rendered', () => document.documentElement.setAttribute('data-rendered', '')));
    await page.goto(`${site.server.url}/search/?q=${encodeURIComponent('分期')}`);
    await page.waitForSelector('html[data-rendered]', { state: 'attached' });
    const status = (await page.textContent('[data-search-status]')) ?? '';
    const found = Number(/找到 (\d+) 篇文章/.exec(status)?.[1]);
    expect(found).toBeGreaterThan(30);
    expect(status).toContain('下面是最相关的 30 篇');
    await expect.poll(() => page.locator('[data-search-results] > li').count()).toBe(30);
    // The filters count every article found, not only the 30 shown.
    const counts = (await page.locator('[data-search-filters] a').allTextContents()).map((t) => Number(/\((\d+)\)$/.exec(t)?.[1]));
    expect(counts[0]).toBe(found);
    expect(counts.slice(1).reduce((a, b) => a + b, 0)).toBe(found);
    const filter = page.locator('[data-search-filters] a').nth(1);
    const name = ((await filter.textContent()) ?? '').replace(/ \(\d+\)$/, '');
    await filter.click();
    await expect.poll(async () => [...new Set(await page.locator('[data-search-results] .search-results__category').allTextContents())]).toEqual([name]);
    await expect.poll(() => page.locator('[data-search-results] > li').count()).toBe(Math.min(30, counts[1]!));
    await page.close();
    expect(errors).toEqual([]);
  });
});
