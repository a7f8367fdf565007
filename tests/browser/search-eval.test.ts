/**
 * The search evaluation set (tests/search/queries.yaml) run through the real UI of the
 * built site in Chromium: every query typed into the search page, and into the header
 * combobox on an article page. Reports recall@1, recall@5 and MRR; fails if recall@5
 * drops below 0.9. A query "hits" when one of its expected articles is in the list.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { DIST } from '../support/dist.ts';
import { useServedSite } from '../support/served-site.ts';

interface EvalCase {
  q: string;
  expect: string[];
}
const cases = (YAML.parse(readFileSync('tests/search/queries.yaml', 'utf8')) as EvalCase[]).map((c) => ({ q: String(c.q), expect: c.expect }));

const site = useServedSite();
const errors: string[] = [];

const slugOf = (href: string) => /\/articles\/([^/?#]+)\//.exec(href)?.[1] ?? href;

function score(ranked: string[][], label: string) {
  let r1 = 0;
  let r5 = 0;
  let mrr = 0;
  const misses: string[] = [];
  ranked.forEach((slugs, i) => {
    const { q, expect: wanted } = cases[i]!;
    const rank = slugs.findIndex((s) => wanted.includes(s)) + 1;
    if (rank === 1) r1++;
    if (rank >= 1 && rank <= 5) r5++;
    if (rank > 0) mrr += 1 / rank;
    if (rank !== 1) misses.push(`  ${rank ? `#${rank}` : '未命中'}  ${q}  → ${slugs.slice(0, 3).join(', ') || '（无结果）'}`);
  });
  const n = ranked.length;
  const metrics = { recallAt1: r1 / n, recallAt5: r5 / n, mrr: mrr / n };
  console.log(
    `\n${label}：${n} 条查询  recall@1 = ${metrics.recallAt1.toFixed(3)}  recall@5 = ${metrics.recallAt5.toFixed(3)}  MRR = ${metrics.mrr.toFixed(3)}\n` +
      (misses.length ? `没有排第一的查询：\n${misses.join('\n')}\n` : ''),
  );
  return metrics;
}

async function newPage(path: string): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(site.server.url + path);
  return page;
}

describe('search evaluation set', () => {
  it('has at least 80 queries, each expecting real articles', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    for (const c of cases) {
      expect(c.expect.length, c.q).toBeGreaterThan(0);
      for (const slug of c.expect) expect(readFileSync(`${DIST}/articles/${slug}/index.html`, 'utf8').length, `${c.q} → ${slug}`).toBeGreaterThan(0);
    }
  });

  it('search page: recall@5 ≥ 0.9', { timeout: 600_000 }, async () => {
    const page = await newPage('/search/');
    await page.waitForFunction(() => (document.querySelector('[data-search-status]')?.textContent ?? '') !== '');
    const ranked: string[][] = [];
    for (const { q } of cases) {
      // Type into the page's own box, as a reader would; the list updates as they type.
      const rendered = page.evaluate(() => new Promise<void>((done) => document.addEventListener('search:rendered', () => done(), { once: true })));
      await page.fill('#search-page-input', q);
      await rendered;
      ranked.push((await page.locator('[data-search-results] h2 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))).map(slugOf));
    }
    await page.close();
    const metrics = score(ranked, '搜索页');
    expect(metrics.recallAt5).toBeGreaterThanOrEqual(0.9);
  });

  it('header combobox on an article page: recall@5 ≥ 0.9', { timeout: 600_000 }, async () => {
    const page = await newPage('/articles/phone-leasing-process/');
    const ranked: string[][] = [];
    for (const { q } of cases) {
      const rendered = page.evaluate(() => new Promise<void>((done) => document.querySelector('#site-search')!.addEventListener('search:rendered', () => done(), { once: true })));
      await page.fill('#site-search', q);
      await rendered;
      const urls = await page.locator('#site-search-listbox [role="option"]').evaluateAll((options) => options.map((o) => o.id));
      const slugs = await page.evaluate(
        (ids) => ids.filter((id) => !id.endsWith('-all')).map((id) => document.getElementById(id)!.querySelector('.search-option__title')!.textContent ?? ''),
        urls,
      );
      // Titles → slugs via the built index, so the test reads what the reader sees.
      ranked.push(await page.evaluate(async (titles) => {
        const index = (await (await fetch('/search/suggest.json')).json()) as { docs: { s: string; t: string }[] };
        return titles.map((t) => index.docs.find((d) => d.t === t)?.s ?? t);
      }, slugs));
    }
    await page.close();
    const metrics = score(ranked, '页头搜索框');
    expect(metrics.recallAt5).toBeGreaterThanOrEqual(0.9);
  });

  it('no page errors', () => {
    expect(errors).toEqual([]);
  });
});
