/**
 * The full-text index as a large site gets it, on the real articles: the build is told
 * that a shard holds 40 pages and a shard may write 10 fragment files (at 10,000
 * articles: 2,500 and 1,250), so its 105 articles make three Pagefind indexes merged in
 * the browser, with several pages' fragments in each file (src/lib/search/write-index.ts).
 * Readers must not notice: every article still has its Pagefind id, and queries that
 * only the full text answers still find the article they mean.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { SuggestIndex } from '../../src/lib/search/types.ts';
import { useBuiltSite } from '../support/built-site.ts';

/** Queries of the evaluation set that no title, tag or summary answers alone. */
const FULL_TEXT_QUERIES = ['租机贷款怎么脱身', '租机中介垫资', '挖掘机租赁', '得劲租机结案', '中山手机店', '重庆远程分期'];
const expected = new Map(
  (YAML.parse(readFileSync('tests/search/queries.yaml', 'utf8')) as { q: string; expect: string[] }[]).map((c) => [String(c.q), c.expect]),
);

const site = useBuiltSite('content', { SEARCH_SHARD_SIZE: '40', SEARCH_FRAGMENT_FILES: '10' });
const errors: string[] = [];

describe('a sharded full-text index with grouped fragments', () => {
  it('has three shards, fewer fragment files than pages, and an id for every article', () => {
    const entry = JSON.parse(readFileSync(join(site.out, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).map((l) => l.page_count)).toEqual([40, 40, 25]);
    const fragmentFiles = readdirSync(join(site.out, 'pagefind/fragment')).length;
    expect(fragmentFiles).toBeLessThanOrEqual(30);
    const suggest = JSON.parse(readFileSync(join(site.out, 'search/suggest.json'), 'utf8')) as SuggestIndex;
    expect(suggest.pagefindShards).toHaveLength(2);
    expect(new Set(Object.values(suggest.pagefindIds ?? {})).size).toBe(suggest.docs.length);
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
});
