/**
 * Hostile text in frontmatter: an article whose title, description, tags and FAQ hold
 * HTML, quotes, </script> and emoji (tests/fixtures/escaping) is built like the real site
 * and opened in Chromium. The text must appear literally, and nothing may execute: no
 * dialog, no element the text would create, no inline event handler. The same for the
 * search page, which renders Pagefind's excerpts as HTML. The fixture's links to other
 * sites also check the external-link marking in a real build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { tagPath } from '../../src/lib/slug.ts';
import { useBuiltSite } from '../support/built-site.ts';

const FIXTURE = 'tests/fixtures/escaping';
const data = YAML.parse(splitFrontmatter(readFileSync(join(FIXTURE, 'articles/hostile-text.mdx'), 'utf8'))!.yaml) as {
  title: string;
  description: string;
  tags: string[];
  faq: { question: string; answer: string }[];
};

const site = useBuiltSite(FIXTURE);
const dialogs: string[] = [];
const errors: string[] = [];


async function open(path: string): Promise<Page> {
  const page = await site.browser.newPage();
  page.on('dialog', async (d) => {
    dialogs.push(`${path}: ${d.message()}`);
    await d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${path}: ${m.text()}`);
  });
  await page.goto(site.server.url + path);
  return page;
}

/** Elements and attributes the hostile text would create if it were parsed as HTML. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) if (attr.startsWith('on')) found.push(`${el.tagName} ${attr}`);
    }
    for (const el of document.querySelectorAll('img[src="x"], main b, svg[onload]')) found.push(el.outerHTML);
    for (const s of document.querySelectorAll('script')) {
      const type = s.getAttribute('type');
      if (type === 'application/ld+json' || s.src) continue;
      if (s.textContent?.includes('alert')) found.push(`script: ${s.textContent.slice(0, 60)}`);
    }
    return found;
  });
}

describe('hostile frontmatter is shown as text and never runs', () => {
  it('the article: title, description, FAQ, tags, structured data', async () => {
    const page = await open('/articles/hostile-text/');
    expect(await page.locator('h1').textContent()).toBe(data.title);
    expect(await page.title()).toContain(data.title);
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe(data.description);
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toContain(data.title);
    for (const item of data.faq) {
      const faq = page.locator('.faq__item').filter({ hasText: item.question });
      expect(await faq.locator('summary').textContent()).toBe(item.question);
      await faq.locator('summary').click();
      expect(await faq.locator('p').textContent()).toBe(item.answer);
    }
    expect(await page.locator('.tag-list a').allTextContents()).toEqual(data.tags);
    const ld = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((t) => JSON.parse(t));
    const article = ld.find((d) => d['@type'] === 'Article');
    expect(article.headline).toBe(data.title);
    expect(article.description).toBe(data.description);
    const faqPage = ld.find((d) => d['@type'] === 'FAQPage');
    expect(faqPage.mainEntity[0].name).toBe(data.faq[0]!.question);
    expect(faqPage.mainEntity[0].acceptedAnswer.text).toBe(data.faq[0]!.answer);
    // Every JSON-LD block ends where it should: "</script>" in the text did not close it.
    expect(await page.locator('script[type="application/ld+json"]').count()).toBe(ld.length);
    expect(await injected(page)).toEqual([]);
    await page.close();
  });

  it('tag pages, the category, the home page and the tag index', async () => {
    for (const path of [...data.tags.map(tagPath), '/categories/installment/', '/', '/tags/']) {
      const page = await open(path);
      const main = await page.locator('main').textContent();
      if (path === '/tags/') for (const tag of data.tags) expect(main, path).toContain(tag);
      else expect(main, path).toContain(data.title);
      if (path.startsWith('/tags/') && path !== '/tags/') expect(data.tags, path).toContain(await page.locator('h1').textContent().then((t) => t?.replace(/^标签：/, '')));
      expect(await injected(page), path).toEqual([]);
      await page.close();
    }
  });

  it('search results', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('引号')}`);
    await page.waitForFunction(() => {
      const status = document.querySelector('[data-search-status]')?.textContent ?? '';
      return status !== '' && !status.startsWith('正在');
    });
    expect(await page.locator('[data-search-results] a').allTextContents()).toContain(data.title);
    expect(await injected(page)).toEqual([]);
    await page.close();
  });

  it('the feed and the sitemap stay well-formed XML', async () => {
    const page = await site.browser.newPage();
    for (const path of ['/rss.xml', '/sitemap-0.xml']) {
      const text = readFileSync(join(site.out, path), 'utf8');
      const problem = await page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        return doc.querySelector('parsererror')?.textContent ?? null;
      }, text);
      expect(problem, path).toBeNull();
    }
    const rss = readFileSync(join(site.out, 'rss.xml'), 'utf8');
    const titles = await page.evaluate(
      (xml) => [...new DOMParser().parseFromString(xml, 'application/xml').querySelectorAll('item > title')].map((t) => t.textContent),
      rss,
    );
    expect(titles).toContain(data.title);
    await page.close();
  });

  it('links out of the site are marked and carry rel (src/lib/external-links.ts)', async () => {
    const page = await open('/articles/hostile-text/');
    const shop = page.locator('.prose a[href="https://www.jd.com/phone"]');
    expect(await shop.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(await shop.locator('.external-mark [aria-hidden="true"]').textContent()).toBe('↗');
    expect(await page.getByRole('link', { name: /^某电商平台\s*（站外链接）$/ }).count()).toBe(1);
    const gov = page.locator('.prose a[href="https://www.gov.cn/zhengce/"]');
    expect(await gov.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await gov.locator('.external-mark').count()).toBe(1);
    const internal = page.locator('.prose a[href="/articles/lease-deposit/"]');
    expect(await internal.getAttribute('rel')).toBeNull();
    expect(await internal.locator('.external-mark').count()).toBe(0);
    await page.close();
  });

  it('no dialog opened and no script failed', () => {
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
