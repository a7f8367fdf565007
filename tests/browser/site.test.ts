/**
 * The built site in headless Chromium: search with real Chinese queries, browsing from
 * the home page to an article, and back-to-top.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useServedSite } from '../support/served-site.ts';

const site = useServedSite();
const problems: string[] = [];

async function openPage(path: string): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
  page.on('pageerror', (e) => problems.push(`${path}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${path}: ${m.text()}`);
  });
  await page.goto(site.server.url + path);
  return page;
}

async function searchTitles(query: string): Promise<string[]> {
  const page = await openPage(`/search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => {
    const status = document.querySelector('[data-search-status]')?.textContent ?? '';
    return status !== '' && !status.startsWith('正在');
  });
  const titles = await page.locator('[data-search-results] a').allTextContents();
  await page.close();
  return titles;
}

/**
 * Opens the search page for `query`. `pagefind()` lists what was fetched from Pagefind's
 * folder since, counted at the server (Pagefind fetches from its worker).
 */
async function openSearch(query: string) {
  const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
  page.on('pageerror', (e) => problems.push(`search ${query}: ${e.message}`));
  site.server.requests.length = 0;
  const pagefind = () => site.server.requests.map((r) => r.path).filter((p) => p.startsWith('/pagefind/'));
  // Counted from the start, so no render can happen before the test listens.
  await page.addInitScript(() => document.addEventListener('search:rendered', () => ((window as unknown as { renders: number }).renders = ((window as unknown as { renders?: number }).renders ?? 0) + 1)));
  const rendered = (count: number) => page.waitForFunction((n) => ((window as unknown as { renders?: number }).renders ?? 0) >= n, count);
  await page.goto(`${site.server.url}/search/?q=${encodeURIComponent(query)}`);
  await rendered(1);
  return { page, pagefind, rendered };
}

describe('the full text (Pagefind) is fetched only when the query needs it or the reader asks', () => {
  it('a query the titles, tags and summaries answer downloads no full-text index; the button fetches it', async () => {
    const { page, pagefind, rendered } = await openSearch('租机押金');
    const before = await page.locator('[data-search-results] h2 a').count();
    expect(before).toBeGreaterThan(0);
    expect(pagefind()).toEqual([]);
    const button = page.locator('[data-search-more-button]');
    expect(await button.isVisible()).toBe(true);
    await button.click();
    await rendered(2);
    expect(pagefind().some((p) => p.endsWith('.pf_index'))).toBe(true);
    expect(pagefind().some((p) => p.endsWith('.pf_fragment'))).toBe(true);
    expect(await button.isVisible()).toBe(false);
    expect(await page.locator('[data-search-results] h2 a').count()).toBeGreaterThanOrEqual(before);
    // The pressed button is gone; the focus is on the first result, not lost to <body>.
    expect(await page.evaluate(() => document.activeElement?.closest('[data-search-results]') !== null)).toBe(true);
    await page.close();
  });

  it('a query with a word no title or summary has (脱身) searches the full text by itself', async () => {
    const { page, pagefind } = await openSearch('租机贷款怎么脱身');
    expect(pagefind().some((p) => p.endsWith('.pf_index'))).toBe(true);
    // Small index chunks (indexChunkSize in write-index.ts): the words looked up cost a few
    // KB of chunks, where Pagefind's default chunks cost about 30 KB a word.
    const chunkBytes = site.server.requests.filter((r) => r.path.endsWith('.pf_index')).reduce((sum, r) => sum + r.bytes, 0);
    expect(chunkBytes).toBeLessThan(20_000);
    expect(await page.locator('[data-search-more-button]').isVisible()).toBe(false);
    expect(await page.locator('[data-search-results] h2 a').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('search finds the article a reader means', () => {
  const cases: [string, string][] = [
    ['租机', '租机服务全面解析:灵活便捷的设备解决方案'],
    ['芝麻分', '芝麻分600能否分期购买手机?'],
    ['押金', '押金最低的租机方案是否真划算?'],
    ['征信', '分期手机未还款的后果'],
    ['小米商城分期', '小米商城分期功能暂停使用的原因分析'],
    ['手机被锁', '分期手机被锁解决指南'],
    ['信用回收', '先享信用回收的含义与运作模式'],
  ];
  it.each(cases)('%s → %s in the first five results', async (query, expected) => {
    const titles = await searchTitles(query);
    expect(titles.slice(0, 5)).toContain(expected);
  });

  it('分期 ranks articles about installments first', async () => {
    const titles = await searchTitles('分期');
    expect(titles.length).toBeGreaterThanOrEqual(20);
    for (const title of titles.slice(0, 5)) expect(title).toContain('分期');
  });

  it('a query with no match says so and offers the categories', async () => {
    const page = await openPage('/search/?q=' + encodeURIComponent('鲸鱼'));
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toContain('没有找到');
    expect(await page.locator('.search-browse a').count()).toBeGreaterThanOrEqual(9);
    await page.close();
  });

  it('the header search box on any page opens the search page with the query', async () => {
    const page = await openPage('/about/');
    await page.fill('#site-search', '租机押金');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=租机押金');
    await expect.poll(() => page.locator('[data-search-results] a').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.close();
  });
});

describe('browsing', () => {
  it('home → category → article', async () => {
    const page = await openPage('/');
    await page.locator('.category-grid a', { hasText: '租机指南' }).click();
    await page.waitForURL(/\/categories\/leasing\/$/);
    expect(await page.locator('h1').textContent()).toBe('租机指南');
    await page.locator('.article-list a').first().click();
    await page.waitForURL(/\/articles\//);
    expect(await page.locator('h1').textContent()).toBe('租机服务全面解析:灵活便捷的设备解决方案');
    expect(await page.locator('.breadcrumbs a').allTextContents()).toEqual(['首页', '租机指南']);
    await page.close();
  });

  it('back-to-top appears after scrolling and returns to the top', async () => {
    const page = await openPage('/articles/phone-leasing-process/');
    const button = page.locator('a.back-to-top');
    expect(await button.isVisible()).toBe(false);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => button.isVisible(), { timeout: 10_000 }).toBe(true);
    await button.click();
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 10_000 }).toBeLessThan(50);
    await page.close();
  });

  it('the table of contents opens and jumps to a section', async () => {
    const page = await openPage('/articles/installment-eligibility/');
    await page.locator('.toc summary').click();
    const link = page.locator('.toc a').nth(1);
    const target = decodeURIComponent((await link.getAttribute('href'))!.slice(1));
    await link.click();
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash.slice(1)))).toBe(target);
    await page.close();
  });

  it('pages fit a 320 px wide phone without horizontal scrolling', async () => {
    for (const path of ['/', '/categories/installment/', '/articles/guiyang-monthly-rate-explained/', '/search/?q=租机']) {
      const page = await site.browser.newPage({ viewport: { width: 320, height: 640 } });
      await page.goto(site.server.url + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.close();
    }
  });

  it('no page printed errors', () => {
    expect(problems).toEqual([]);
  });
});
