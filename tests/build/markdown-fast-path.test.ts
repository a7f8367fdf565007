/**
 * Plain-Markdown articles are rendered by the article page instead of being compiled as MDX
 * modules (src/lib/article-loader.ts, src/data/article-content.ts). This builds the real
 * articles twice, as usual and with ARTICLES_ALL_MDX=1 (every article through MDX, as
 * before), and requires every article page to be the same HTML: heading ids, table of
 * contents, tables, lists, links, FAQ. The real articles have no links to other sites yet,
 * so the snapshot also gets tests/fixtures/markdown-fast-path/, an article with external
 * links and the other Markdown constructs editors may use.
 */
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { mdxReason } from '../../src/lib/article-loader.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { runBuild, type BuildRun } from '../support/build.ts';

const dir = resolve('.build/fixtures/markdown-fast-path');
const content = join(dir, 'content');
const out = { fast: join(dir, 'fast'), mdx: join(dir, 'all-mdx') };
const runs: Partial<Record<keyof typeof out, BuildRun>> = {};

/** How many articles the loader reported on each path. */
function counts(run: BuildRun | undefined) {
  const match = run?.output.match(/(\d+) 篇纯 Markdown 文章不经 MDX 编译，(\d+) 篇用到 MDX 的文章编译为模块/);
  return match ? { markdown: Number(match[1]), mdx: Number(match[2]) } : undefined;
}

/**
 * The page as a parser sees it: `<br>` and `<br/>` are the same element in HTML (the
 * Markdown renderer writes the first, MDX the second); everything else must match as written.
 */
const normalised = (build: string, slug: string) => parse(readFileSync(join(build, 'articles', slug, 'index.html'), 'utf8')).outerHTML;

beforeAll(async () => {
  // A snapshot, so both builds see the same text even while editors change content/.
  rmSync(dir, { recursive: true, force: true });
  cpSync('content', content, { recursive: true });
  cpSync('tests/fixtures/markdown-fast-path', join(content, 'articles'), { recursive: true });
  // One after the other: the machines have two cores. Separate caches, so neither build
  // reuses entries the other stored.
  runs.fast = await runBuild(content, out.fast, { BUILD_CACHE_DIR: join(dir, 'cache-fast') });
  runs.mdx = await runBuild(content, out.mdx, { BUILD_CACHE_DIR: join(dir, 'cache-mdx'), ARTICLES_ALL_MDX: '1' });
}, 900_000);

describe('plain-Markdown articles without MDX', () => {
  const sources = readdirSync('content/articles').filter((name) => name.endsWith('.mdx'));
  const plain = sources.filter((name) => mdxReason(splitFrontmatter(readFileSync(join('content/articles', name), 'utf8'))!.body) === undefined);

  it('both builds succeed, and only the usual one takes the fast path', () => {
    expect(runs.fast?.code, runs.fast?.output).toBe(0);
    expect(runs.mdx?.code, runs.mdx?.output).toBe(0);
    // Most real articles are plain Markdown; the sample article is one too.
    expect(plain.length).toBeGreaterThan(sources.length / 2);
    expect(counts(runs.fast)).toEqual({ markdown: plain.length + 1, mdx: sources.length - plain.length });
    expect(counts(runs.mdx)).toEqual({ markdown: 0, mdx: sources.length + 1 });
  });

  it('builds every article page exactly as the MDX compiler does', () => {
    const slugs = readdirSync(join(out.mdx, 'articles'));
    expect(slugs.length).toBe(sources.length + 1);
    const different = slugs.filter((slug) => normalised(out.fast, slug) !== normalised(out.mdx, slug));
    for (const slug of different.slice(0, 3)) {
      const [a, b] = [normalised(out.fast, slug), normalised(out.mdx, slug)];
      let at = 0;
      while (a[at] === b[at]) at++;
      expect.soft(a.slice(at - 200, at + 200), `${slug}: the fast path differs from MDX here`).toBe(b.slice(at - 200, at + 200));
    }
    expect(different).toEqual([]);
  });

  it('renders external links, tables and Chinese heading ids on the fast path', () => {
    const page = parse(readFileSync(join(out.fast, 'articles/markdown-features/index.html'), 'utf8'));
    const prose = page.querySelector('.prose')!;
    const jd = prose.querySelector('a[href="https://www.jd.com/"]')!;
    expect(jd.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(jd.querySelector('.external-mark .visually-hidden')?.textContent).toBe('（站外链接）');
    expect(prose.querySelector('a[href="https://www.samr.gov.cn/"]')?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(prose.querySelector('a[href="/articles/deposit-free-leasing/"]')?.getAttribute('rel')).toBeUndefined();
    expect(prose.querySelectorAll('table tbody tr')).toHaveLength(4);
    expect(prose.querySelectorAll('h2').map((h) => h.id)).toEqual(['一先看合同里的费用清单', '二算一算真实成本', '二算一算真实成本-1', '站外的参考资料--求助渠道', '再看合同']);
    // The table of contents links to the same ids.
    expect(page.querySelectorAll('.toc a').map((a) => a.getAttribute('href'))).toContain('#二算一算真实成本-1');
  });
});
