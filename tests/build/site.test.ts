/**
 * The built site in dist/: article pages, structured data, links, sitemap and language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SITE } from '../../src/lib/site.ts';
import { readArticles } from '../support/content.ts';
import { DIST, fileForPath, htmlFiles, jsonLd, page, requireDist } from '../support/dist.ts';

const articles = readArticles().filter((a) => a.data.draft !== true);

beforeAll(() => requireDist());

describe('article pages', () => {
  it.each(articles.map((a) => [String(a.data.slug), a]))('%s', (slug, article) => {
    const root = page(`/articles/${slug}/index.html`);
    const h1s = root.querySelectorAll('h1');
    expect(h1s).toHaveLength(1);
    expect(h1s[0]!.textContent.trim()).toBe(article.data.title);
    expect(root.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${SITE.url}/articles/${slug}/`);
    expect(root.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(article.data.description);
    const category = root.querySelectorAll('.breadcrumbs li')[1]!.textContent.trim();
    expect(root.querySelector('title')?.textContent).toBe(`${article.data.title} - ${category} - ${SITE.name}`);

    const data = jsonLd(root);
    const articleLd = data.find((d) => d['@type'] === 'Article')!;
    expect(articleLd).toMatchObject({ '@context': 'https://schema.org', headline: article.data.title, description: article.data.description });
    expect(new Date(String(articleLd.datePublished)).toISOString().slice(0, 10)).toBe(String(article.data.publishedAt));
    expect(Date.parse(String(articleLd.dateModified))).toBeGreaterThanOrEqual(Date.parse(String(articleLd.datePublished)));
    const crumbs = data.find((d) => d['@type'] === 'BreadcrumbList') as { itemListElement: { position: number; name: string; item: string }[] };
    expect(crumbs.itemListElement.map((c) => c.position)).toEqual([1, 2, 3]);
    expect(crumbs.itemListElement[2]!.name).toBe(article.data.title);
    if (Array.isArray(article.data.faq) && article.data.faq.length) {
      const faq = data.find((d) => d['@type'] === 'FAQPage') as { mainEntity: unknown[] };
      expect(faq.mainEntity).toHaveLength(article.data.faq.length);
    }

    // Reader-facing parts of the page.
    expect(root.querySelector('.article-meta time')?.getAttribute('datetime')).toBe(String(article.data.publishedAt));
    const related = root.querySelectorAll('.related a').map((a) => a.getAttribute('href'));
    expect(related.length).toBeGreaterThan(0);
    expect(related).not.toContain(`/articles/${slug}/`);
    expect(root.querySelector('a.back-to-top')?.getAttribute('href')).toBe('#top');
  });
});

describe('every page', () => {
  const files = htmlFiles();

  it('has lang="zh-CN", a title and a description', () => {
    for (const file of files) {
      const root = page(file);
      expect(root.querySelector('html')?.getAttribute('lang'), file).toBe('zh-CN');
      expect(root.querySelector('title')?.textContent.trim(), file).toBeTruthy();
      expect(root.querySelector('meta[name="description"]')?.getAttribute('content'), file).toBeTruthy();
    }
  });

  it('has JSON-LD that parses and names its type', () => {
    for (const file of files) for (const data of jsonLd(page(file))) expect(data['@type'], file).toBeTruthy();
  });

  it('links only to pages and #anchors that exist', () => {
    const broken: string[] = [];
    for (const file of files) {
      const root = page(file);
      for (const a of root.querySelectorAll('a[href]')) {
        const href = a.getAttribute('href')!;
        if (/^(https?:|mailto:|tel:)/.test(href)) continue;
        const url = new URL(href, `http://site${file.replace(/index\.html$/, '')}`);
        const target = url.pathname === file.replace(/index\.html$/, '') || url.pathname === file ? file : fileForPath(url.pathname);
        if (!target) {
          broken.push(`${file} → ${href}`);
          continue;
        }
        const anchor = decodeURIComponent(url.hash.slice(1));
        if (anchor && target.endsWith('.html') && !page(target).querySelector(`[id="${anchor.replace(/"/g, '\\"')}"]`)) broken.push(`${file} → ${href} (no #${anchor})`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('sitemap, feed and robots', () => {
  it('the sitemap lists every article with its last-modified day', () => {
    const index = readFileSync(join(DIST, 'sitemap-index.xml'), 'utf8');
    const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    const xml = maps.map((p) => readFileSync(join(DIST, p), 'utf8')).join('\n');
    for (const a of articles) {
      const loc = `${SITE.url}/articles/${String(a.data.slug)}/`;
      const entry = xml.match(new RegExp(`<url><loc>${loc.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</loc><lastmod>([^<]+)</lastmod>`));
      expect(entry, loc).not.toBeNull();
      expect(entry![1]!.slice(0, 10)).toBe(String(a.data.updatedAt ?? a.data.publishedAt));
    }
    expect(xml).not.toContain('/search/');
  });

  it('robots.txt points at the sitemap', () => {
    expect(readFileSync(join(DIST, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE.url}/sitemap-index.xml`);
  });

  it('the RSS feed lists the latest articles', () => {
    const rss = readFileSync(join(DIST, 'rss.xml'), 'utf8');
    expect(rss).toContain('<language>zh-CN</language>');
    expect([...rss.matchAll(/<item>/g)].length).toBe(Math.min(50, articles.length));
  });
});

describe('category pages', () => {
  it('list their articles in the planned order', () => {
    const root = page('/categories/outage/index.html');
    const titles = root.querySelectorAll('.article-list a').map((a) => a.textContent.trim());
    expect(titles[0]).toBe('小米商城分期功能暂停使用的原因分析');
    expect(titles.at(-1)).toBe('分期功能暂停时用户的应对办法');
  });
});
