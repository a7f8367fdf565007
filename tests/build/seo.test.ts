/**
 * The built site as search engines and chat apps see it: complete JSON-LD on every page,
 * a social image per page, Baidu's metas and limits, per-category RSS, the redirect files
 * and the IndexNow key.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ogImagePath, pngSize } from '../../src/lib/og-image.ts';
import { nginxRedirects, parseRedirects } from '../../src/lib/redirects.ts';
import { BAIDU } from '../../src/lib/seo.ts';
import { findKeyFile, parseSitemap } from '../../src/lib/seo-submit.ts';
import { SITE } from '../../src/lib/site.ts';
import { CHECKED_TYPES, jsonLdProblems } from '../../src/lib/structured-data.ts';
import { readArticles } from '../support/content.ts';
import { DIST, htmlFiles, jsonLd, page, requireDist } from '../support/dist.ts';

const articles = readArticles().filter((a) => a.data.draft !== true);
const categories = YAML.parse(readFileSync('content/categories.yaml', 'utf8')) as { slug: string; name: string }[];
const meta = (file: string, key: string) =>
  page(file).querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
const types = (file: string) => jsonLd(page(file)).map((d) => String(d['@type']));
const isRedirectPage = (file: string) => page(file).querySelector('meta[http-equiv="refresh"]') !== null;

beforeAll(() => requireDist());

describe('JSON-LD', () => {
  it('every block on every page parses and has the required properties of its type', () => {
    const problems: string[] = [];
    let blocks = 0;
    for (const file of htmlFiles()) {
      for (const script of page(file).querySelectorAll('script[type="application/ld+json"]')) {
        blocks++;
        let data: unknown;
        try {
          data = JSON.parse(script.textContent);
        } catch (error) {
          problems.push(`${file}: JSON 解析失败：${(error as Error).message}`);
          continue;
        }
        for (const block of Array.isArray(data) ? data : [data]) for (const p of jsonLdProblems(block)) problems.push(`${file}: ${p}`);
      }
    }
    expect(problems).toEqual([]);
    expect(blocks).toBeGreaterThan(articles.length * 2);
  });

  it('each page type carries its types: home, category, article', () => {
    expect(types('/index.html')).toEqual(['WebSite']);
    for (const c of categories) expect(types(`/categories/${c.slug}/index.html`), c.slug).toEqual(['CollectionPage', 'BreadcrumbList']);
    for (const a of articles) {
      const expected = ['Article', 'BreadcrumbList', ...(Array.isArray(a.data.faq) && a.data.faq.length ? ['FAQPage'] : [])];
      expect(types(`/articles/${String(a.data.slug)}/index.html`), String(a.data.slug)).toEqual(expected);
    }
    for (const t of ['WebSite', 'CollectionPage', 'Article', 'BreadcrumbList', 'FAQPage']) expect(CHECKED_TYPES).toContain(t);
  });

  it('the home page searches with /search/?q=', () => {
    const [site] = jsonLd(page('/index.html')) as { potentialAction: { target: { urlTemplate: string } } }[];
    expect(site!.potentialAction.target.urlTemplate).toBe(`${SITE.url}/search/?q={search_term_string}`);
    expect(existsSync(join(DIST, 'search/index.html'))).toBe(true);
  });

  it('a category lists exactly the articles its page links to, in order', () => {
    for (const c of categories) {
      const file = `/categories/${c.slug}/index.html`;
      const ld = jsonLd(page(file))[0] as { mainEntity: { itemListElement: { url: string }[] } };
      const links = page(file)
        .querySelectorAll('main .article-list a')
        .map((a) => `${SITE.url}${a.getAttribute('href')}`);
      expect(ld.mainEntity.itemListElement.map((i) => i.url), c.slug).toEqual(links);
    }
  });

  it('an article names its image and its publisher with a logo that exists', () => {
    const slug = String(articles[0]!.data.slug);
    const ld = jsonLd(page(`/articles/${slug}/index.html`))[0] as { image: { url: string }[]; publisher: { logo: { url: string } } };
    expect(ld.image[0]!.url).toBe(`${SITE.url}${ogImagePath('articles', slug)}`);
    const logo = new URL(ld.publisher.logo.url).pathname;
    expect(pngSize(readFileSync(join(DIST, logo)))).toEqual({ width: 512, height: 512 });
  });
});

describe('social images', () => {
  const expectedImage = (file: string) => {
    const article = file.match(/^\/articles\/([^/]+)\/index\.html$/)?.[1];
    const category = file.match(/^\/categories\/([^/]+)\/index\.html$/)?.[1];
    return article ? ogImagePath('articles', article) : category ? ogImagePath('categories', category) : ogImagePath('site');
  };

  it('every page has og:image and twitter:image: its own 1200×630 PNG, sized in the metas', () => {
    const problems: string[] = [];
    const sizes = new Map<string, string>();
    for (const file of htmlFiles().filter((f) => !isRedirectPage(f))) {
      const image = meta(file, 'og:image');
      if (image !== `${SITE.url}${expectedImage(file)}`) problems.push(`${file}: og:image 是 ${image}，应为 ${SITE.url}${expectedImage(file)}`);
      if (meta(file, 'twitter:image') !== image) problems.push(`${file}: twitter:image 与 og:image 不同`);
      if (meta(file, 'twitter:card') !== 'summary_large_image') problems.push(`${file}: twitter:card 应为 summary_large_image`);
      if (meta(file, 'og:image:width') !== '1200' || meta(file, 'og:image:height') !== '630') problems.push(`${file}: og:image 尺寸应写 1200×630`);
      if (!image) continue;
      const path = new URL(image).pathname;
      if (!sizes.has(path)) {
        const png = join(DIST, path);
        const size = existsSync(png) ? pngSize(readFileSync(png)) : undefined;
        sizes.set(path, size ? `${size.width}x${size.height}` : 'missing');
      }
      if (sizes.get(path) !== '1200x630') problems.push(`${file}: ${path} 是 ${sizes.get(path)}`);
    }
    expect(problems).toEqual([]);
    expect(readdirSync(join(DIST, 'og/articles'))).toHaveLength(articles.length);
  });
});

describe('Baidu', () => {
  const landing = ['/index.html', ...categories.map((c) => `/categories/${c.slug}/index.html`), ...articles.map((a) => `/articles/${String(a.data.slug)}/index.html`)];

  it('every page declares pc+mobile, no-transform and a viewport', () => {
    for (const file of htmlFiles().filter((f) => !isRedirectPage(f))) {
      const root = page(file);
      expect(root.querySelector('meta[name="applicable-device"]')?.getAttribute('content'), file).toBe('pc,mobile');
      expect(root.querySelector('meta[http-equiv="Cache-Control"]')?.getAttribute('content'), file).toBe('no-transform');
      expect(root.querySelector('meta[name="viewport"]')?.getAttribute('content'), file).toContain('width=device-width');
    }
  });

  it('home, category and article descriptions are within the preferred length and indexable', () => {
    const { min, max } = BAIDU.descriptionChars;
    const outside = landing.flatMap((file) => {
      const length = [...(meta(file, 'description') ?? '')].length;
      return length < min || length > max ? [`${file}: ${length} 字`] : [];
    });
    expect(outside).toEqual([]);
    for (const file of landing) expect(page(file).querySelector('meta[name="robots"]'), file).toBeNull();
  });

  it('category titles read 分类名 - 站点名 and articles show both their dates', () => {
    for (const c of categories) expect(page(`/categories/${c.slug}/index.html`).querySelector('title')?.textContent).toBe(`${c.name} - ${SITE.name}`);
    for (const a of articles.filter((x) => x.data.updatedAt)) {
      const times = page(`/articles/${String(a.data.slug)}/index.html`)
        .querySelectorAll('.article-meta time')
        .map((t) => t.getAttribute('datetime'));
      expect(times, String(a.data.slug)).toContain(String(a.data.updatedAt));
    }
  });

  it('every sitemap file has at most 50,000 URLs, each <loc> at most 256 bytes, and no redirect pages', () => {
    const index = parseSitemap(readFileSync(join(DIST, 'sitemap-index.xml'), 'utf8'));
    expect(index.kind).toBe('index');
    expect(index.entries.length).toBeGreaterThan(0);
    const all: string[] = [];
    for (const child of index.entries) {
      expect(Buffer.byteLength(child.loc), child.loc).toBeLessThanOrEqual(BAIDU.maxLocBytes);
      const map = parseSitemap(readFileSync(join(DIST, new URL(child.loc).pathname), 'utf8'));
      expect(map.entries.length, child.loc).toBeLessThanOrEqual(BAIDU.maxUrlsPerSitemap);
      for (const e of map.entries) expect(Buffer.byteLength(e.loc), e.loc).toBeLessThanOrEqual(BAIDU.maxLocBytes);
      all.push(...map.entries.map((e) => e.loc));
    }
    const redirected = htmlFiles()
      .filter(isRedirectPage)
      .map((f) => `${SITE.url}${f.replace(/index\.html$/, '')}`);
    expect(all.filter((u) => redirected.includes(u))).toEqual([]);
    expect(all.filter((u) => !u.startsWith(`${SITE.url}/`))).toEqual([]);
  });
});

describe('RSS per category', () => {
  it.each(categories.map((c) => [c.slug, c] as const))('%s has its own feed, linked from its page', (slug, category) => {
    const xml = readFileSync(join(DIST, `categories/${slug}/rss.xml`), 'utf8');
    expect(xml).toContain(`<title>${category.name} - ${SITE.name}</title>`);
    expect(xml).toContain('<language>zh-CN</language>');
    const links = [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => new URL(m[1]!).pathname);
    const own = articles.filter((a) => a.data.category === slug).map((a) => `/articles/${String(a.data.slug)}/`);
    expect(links.length).toBe(Math.min(50, own.length));
    expect(links.filter((l) => !own.includes(l))).toEqual([]);
    const alternate = page(`/categories/${slug}/index.html`)
      .querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')
      .map((l) => l.getAttribute('href'));
    expect(alternate).toEqual(['/rss.xml', `/categories/${slug}/rss.xml`]);
  });
});

describe('redirects and IndexNow', () => {
  it('the host redirect files are generated from content/redirects.yaml', () => {
    const { redirects } = parseRedirects(readFileSync('content/redirects.yaml', 'utf8'), 'content/redirects.yaml');
    const rules = readFileSync(join(DIST, '_redirects'), 'utf8');
    expect(rules.split('\n').filter((l) => l && !l.startsWith('#'))).toHaveLength(redirects.length * 2);
    // The committed nginx snippet must match the data file (a build of the real site rewrites it).
    expect(readFileSync('deploy/nginx-redirects.conf', 'utf8')).toBe(nginxRedirects(redirects));
    for (const r of redirects) {
      const html = readFileSync(join(DIST, `articles/${r.from}/index.html`), 'utf8');
      expect(html).toContain(`/articles/${r.to}/`);
    }
  });

  it('the IndexNow key file is published at the site root', () => {
    const publicKey = findKeyFile(readdirSync('public').filter((name) => name.endsWith('.txt')).map((name) => ({ name, text: readFileSync(join('public', name), 'utf8') })));
    expect(publicKey).toBeDefined();
    expect(readFileSync(join(DIST, `${publicKey}.txt`), 'utf8').trim()).toBe(publicKey);
  });
});
