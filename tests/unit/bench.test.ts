/**
 * The benchmark's generator: same input, same site; every generated article passes the
 * build's content checks and the content guide's rules; and the memory of a process tree
 * is summed over all descendants.
 */
import { describe, expect, it } from 'vitest';
import { jaccard, proseOf, shingles } from '../../src/lib/article-text.ts';
import { measureArticle, ruleViolations, RULES } from '../../src/lib/article-rules.ts';
import { plainLine } from '../../src/lib/bench/corpus.ts';
import { createRandom } from '../../src/lib/bench/random.ts';
import { formatTable, treeMembers, treeRss } from '../../src/lib/bench/report.ts';
import { crossArticleProblems, dateProblems, isProblem, parseArticle, type ParsedArticle } from '../../src/lib/content-checks.ts';
import { SLUG_PATTERN, toSlug } from '../../src/lib/slug.ts';
import { categorySlugs, generate } from '../../scripts/generate-articles.ts';

const COUNT = 120;
const site = generate(COUNT, 7);
const parsed = site.articles.map((a) => parseArticle({ file: `articles/${a.file}`, source: a.source }));
const articles = parsed.filter((p): p is ParsedArticle => !isProblem(p));

describe('the generator', { timeout: 120_000 }, () => {
  it('is deterministic: the same count and seed give byte-identical files', () => {
    const again = generate(COUNT, 7);
    expect(again.articles.map((a) => a.source)).toEqual(site.articles.map((a) => a.source));
    expect(again.plan).toBe(site.plan);
  });

  it('gives a different site for a different seed', () => {
    const other = generate(COUNT, 8);
    expect(other.articles.map((a) => a.source)).not.toEqual(site.articles.map((a) => a.source));
  });

  it('writes files whose frontmatter parses and whose dates are real days', () => {
    expect(parsed.filter(isProblem)).toEqual([]);
    expect(articles.flatMap(dateProblems)).toEqual([]);
  });

  it('passes the build-time checks across articles: unique slugs and titles, links and #anchors that resolve', () => {
    expect(crossArticleProblems(articles)).toEqual([]);
    const anchored = articles.filter((a) => /\]\(\/articles\/[^)]+#/.test(a.body));
    expect(anchored.length).toBeGreaterThan(0);
  });

  it('fills every field the schema requires, within its limits', () => {
    const categories = new Set(categorySlugs());
    for (const { data } of articles) {
      expect(String(data.slug)).toMatch(SLUG_PATTERN);
      expect([...String(data.title)].length).toBeGreaterThanOrEqual(2);
      expect([...String(data.title)].length).toBeLessThanOrEqual(64);
      expect(categories.has(String(data.category))).toBe(true);
      expect(Array.isArray(data.tags)).toBe(true);
      expect(new Date(String(data.publishedAt)).getTime()).toBeLessThan(Date.now());
    }
  });

  it('meets the content guide: length, sections, FAQ, description, links', () => {
    const failures = articles.flatMap((a) => {
      const m = measureArticle(String(a.data.slug), a.body, String(a.data.description), (a.data.faq as unknown[]).length);
      return ruleViolations(m).map((v) => `${a.file}: ${v}`);
    });
    expect(failures).toEqual([]);
  });

  it('writes Markdown that MDX accepts: no raw < > { } outside component lines', () => {
    for (const a of articles) {
      const prose = a.body.split('\n').filter((line) => !/^<[A-Z]/.test(line));
      expect(prose.join('\n')).not.toMatch(/[<>{}]/);
    }
  });

  it('spreads articles over the real categories, with lists, tables and tags whose URLs do not clash', () => {
    expect(new Set(articles.map((a) => a.data.category)).size).toBeGreaterThanOrEqual(5);
    expect(articles.filter((a) => /^\| --- /m.test(a.body)).length).toBeGreaterThan(COUNT / 5);
    expect(articles.every((a) => /^- /m.test(a.body))).toBe(true);
    const tagSlugs = new Map<string, string>();
    for (const tag of articles.flatMap((a) => a.data.tags as string[])) {
      const slug = toSlug(tag);
      expect(tagSlugs.get(slug) ?? tag, `${tag} / ${tagSlugs.get(slug)}`).toBe(tag);
      tagSlugs.set(slug, tag);
    }
  });

  it('does not write near-copies: sampled pairs stay under the similarity limit', () => {
    const sets = articles.slice(0, 40).map((a) => shingles(proseOf(a.body)));
    let worst = 0;
    for (let i = 0; i < sets.length; i++) for (let j = i + 1; j < sets.length; j++) worst = Math.max(worst, jaccard(sets[i]!, sets[j]!));
    expect(worst).toBeLessThanOrEqual(RULES.maxSimilarity);
  });
});

describe('corpus cleaning', () => {
  it('keeps prose and drops Markdown syntax, link targets and MDX-special characters', () => {
    expect(plainLine('- 先看[合同主体](/articles/x/)，再签 **电子合同**。')).toBe('先看合同主体，再签 电子合同。');
    expect(plainLine('## 小标题')).toBeUndefined();
    expect(plainLine('| a | b |')).toBeUndefined();
  });
});

describe('seeded random', () => {
  it('repeats for a seed and stays in range', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const xs = Array.from({ length: 100 }, () => a.int(3, 6));
    expect(xs).toEqual(Array.from({ length: 100 }, () => b.int(3, 6)));
    expect(Math.min(...xs)).toBe(3);
    expect(Math.max(...xs)).toBe(6);
  });
});

describe('treeRss and treeMembers', () => {
  // /proc/<pid>/stat: "pid (comm) state ppid …"; statm: "size resident …" in pages.
  const proc = (pid: number, ppid: number, comm: string, pages: number) =>
    [pid, { stat: `${pid} (${comm}) S ${ppid} 1 1 0`, statm: `9999 ${pages} 0 0 0 0 0` }] as const;
  it('sums the root and every descendant, and nothing else', () => {
    const processes = new Map([proc(10, 1, 'node', 100), proc(11, 10, 'node', 50), proc(12, 11, 'pagefind (x) y', 25), proc(20, 1, 'other', 1000)]);
    expect(treeRss(10, processes, 4096)).toBe(175 * 4096);
    expect(treeRss(11, processes, 4096)).toBe(75 * 4096);
    // Names with spaces and parentheses, for the report of which processes made the peak.
    expect(treeMembers(11, processes, 4096).map((m) => [m.name, m.bytes])).toEqual([
      ['node', 50 * 4096],
      ['pagefind (x) y', 25 * 4096],
    ]);
  });
});

describe('formatTable', () => {
  it('prints one aligned row per run', () => {
    const table = formatTable([
      { label: '1000', articles: 1000, pages: 1100, wallSeconds: 20, cpuSeconds: 30, peakRssBytes: 2 * 1024 ** 3, distBytes: 5e7, distFiles: 2400, pagefindBytes: 2e7, pagefindFiles: 1300, firstVisitGzip: 20_000, firstSearches: [{ gzip: 100_000, fullText: false }, { gzip: 250_000, fullText: true }], phases: [] },
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('55.0');
    expect(lines[2]).toContain('2.00 GiB');
    expect(lines[2]).toContain('| 97.7 KiB ');
    expect(lines[2]).toContain('| 244.1 KiB (full text) ');
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });
});
