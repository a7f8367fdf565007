/**
 * One real page of every page type in the built site, found by reading DIST rather than
 * hard-coded, so the quality gates (axe, CSP) keep covering the site as articles change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DIST, requireDist } from './dist.ts';

export interface PageType {
  name: string;
  path: string;
}

/** An article with an FAQ, preferring one that also embeds a calculator. */
function articleWithFaq(): string {
  const dir = join(DIST, 'articles');
  const slugs = readdirSync(dir).sort();
  let withFaq: string | undefined;
  for (const slug of slugs) {
    let html: string;
    try {
      html = readFileSync(join(dir, slug, 'index.html'), 'utf8');
    } catch {
      continue;
    }
    if (!html.includes('id="faq-heading"')) continue;
    if (html.includes('data-calculator')) return `/articles/${slug}/`;
    withFaq ??= `/articles/${slug}/`;
  }
  if (!withFaq) throw new Error(`${DIST}/articles 里没有带常见问题的文章。`);
  return withFaq;
}

function firstTag(): string {
  const slug = readdirSync(join(DIST, 'tags'), { withFileTypes: true }).find((d) => d.isDirectory())?.name;
  if (!slug) throw new Error(`${DIST}/tags 里没有标签页。`);
  return `/tags/${slug}/`;
}

function firstCategory(): string {
  const slug = readdirSync(join(DIST, 'categories'), { withFileTypes: true }).find((d) => d.isDirectory())?.name;
  if (!slug) throw new Error(`${DIST}/categories 里没有分类页。`);
  return `/categories/${slug}/`;
}

export const SEARCH_QUERY = '租机';

export function pageTypes(): PageType[] {
  requireDist();
  return [
    { name: 'home', path: '/' },
    { name: 'category', path: firstCategory() },
    { name: 'article', path: articleWithFaq() },
    { name: 'tag index', path: '/tags/' },
    { name: 'tag', path: firstTag() },
    { name: 'search', path: `/search/?q=${encodeURIComponent(SEARCH_QUERY)}` },
    { name: '404', path: '/no-such-page/' },
    { name: 'tools', path: '/tools/' },
    { name: 'about', path: '/about/' },
  ];
}

/** Waits until the search page has finished (results or a "nothing found" message). */
export async function waitForSearchPage(page: Page) {
  await page.waitForFunction(() => {
    const status = document.querySelector('[data-search-status]')?.textContent ?? '';
    return status !== '' && !status.startsWith('正在');
  });
}

/**
 * Types a query into the header search box. When the box is a combobox (the header
 * search with suggestions), waits for its options: a combobox that never shows them is a
 * failure, not something to skip.
 */
export async function openHeaderSearch(page: Page, query = SEARCH_QUERY): Promise<'combobox' | 'form'> {
  const input = page.locator('#site-search');
  await input.click();
  await input.pressSequentially(query);
  if ((await input.getAttribute('role')) !== 'combobox') return 'form';
  await page.waitForFunction(() => {
    const box = document.querySelector('#site-search');
    const id = box?.getAttribute('aria-controls');
    const list = id ? document.getElementById(id) : null;
    return !!list && box?.getAttribute('aria-expanded') === 'true' && list.querySelector('[role="option"]') !== null;
  }, undefined, { timeout: 15_000 });
  return 'combobox';
}
