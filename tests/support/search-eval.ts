/**
 * The search evaluation set (tests/search/queries.yaml) typed into a served site's real
 * UI in Chromium: the search page, and the header combobox on an article page. Each
 * returns, per query, the article slugs in the order shown; `score` turns them into
 * recall@1, recall@5 and MRR and prints the queries that did not come first.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import YAML from 'yaml';
import type { ServedSite } from './served-site.ts';

export interface EvalCase {
  q: string;
  expect: string[];
}
export const evalCases: EvalCase[] = (YAML.parse(readFileSync('tests/search/queries.yaml', 'utf8')) as EvalCase[]).map((c) => ({ q: String(c.q), expect: c.expect }));

const slugOf = (href: string) => /\/articles\/([^/?#]+)\//.exec(href)?.[1] ?? href;

export function score(ranked: string[][], label: string) {
  let r1 = 0;
  let r5 = 0;
  let mrr = 0;
  const misses: string[] = [];
  ranked.forEach((slugs, i) => {
    const { q, expect: wanted } = evalCases[i]!;
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

async function newPage(site: ServedSite, path: string, errors: string[]): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(site.server.url + path);
  return page;
}

/** Every query typed into the search page's own box, as a reader would; the list updates as they type. */
export async function rankOnSearchPage(site: ServedSite, errors: string[]): Promise<string[][]> {
  const page = await newPage(site, '/search/', errors);
  await page.waitForFunction(() => (document.querySelector('[data-search-status]')?.textContent ?? '') !== '');
  const ranked: string[][] = [];
  for (const { q } of evalCases) {
    const rendered = page.evaluate(() => new Promise<void>((done) => document.addEventListener('search:rendered', () => done(), { once: true })));
    await page.fill('#search-page-input', q);
    await rendered;
    ranked.push((await page.locator('[data-search-results] h2 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))).map(slugOf));
  }
  await page.close();
  return ranked;
}

/** Every query typed into the header box of an article page; options are read by their titles. */
export async function rankInCombobox(site: ServedSite, errors: string[], slugByTitle: ReadonlyMap<string, string>): Promise<string[][]> {
  const page = await newPage(site, '/articles/phone-leasing-process/', errors);
  const ranked: string[][] = [];
  for (const { q } of evalCases) {
    const rendered = page.evaluate(() => new Promise<void>((done) => document.querySelector('#site-search')!.addEventListener('search:rendered', () => done(), { once: true })));
    await page.fill('#site-search', q);
    await rendered;
    const titles = await page.locator('#site-search-listbox [role="option"]:not([id$="-all"]) .search-option__title').allTextContents();
    // Titles → slugs, so the test reads what the reader sees.
    ranked.push(titles.map((t) => slugByTitle.get(t) ?? t));
  }
  await page.close();
  return ranked;
}
