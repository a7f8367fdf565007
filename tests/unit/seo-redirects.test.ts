import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroRedirects, loadRedirects, netlifyRedirects, nginxRedirects, parseRedirects, redirectProblems } from '../../src/lib/redirects.ts';

const FILE = 'content/redirects.yaml';
const published = new Set(['phone-leasing-explained', 'lease-early-return', 'lease-deposit-refund']);
const check = (source: string) => {
  const parsed = parseRedirects(source, FILE);
  return [...parsed.problems, ...redirectProblems(parsed.redirects, FILE, published)].map((p) => `${p.line} [${p.rule}] ${p.message}`);
};

describe('content/redirects.yaml', () => {
  it('reads old → new pairs with their lines, ignoring comments', () => {
    const { redirects, problems } = parseRedirects('# 注释\nold-lease-guide: phone-leasing-explained\n\nlease-return-early: lease-early-return\n', FILE);
    expect(problems).toEqual([]);
    expect(redirects).toEqual([
      { from: 'old-lease-guide', to: 'phone-leasing-explained', line: 2 },
      { from: 'lease-return-early', to: 'lease-early-return', line: 4 },
    ]);
    expect(check('old-lease-guide: phone-leasing-explained\n')).toEqual([]);
  });

  it('treats a file of comments only as no redirects', () => {
    expect(parseRedirects('# 例如：\n# a: b\n', FILE)).toEqual({ redirects: [], problems: [] });
  });

  it('lists the articles (every file read: seconds on a large site) only when there are redirects to check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'redirects-'));
    writeFileSync(join(dir, 'redirects.yaml'), '# 例如：\n# a: b\n');
    let listed = 0;
    const slugs = () => (listed++, published);
    expect(loadRedirects(dir, slugs)).toEqual({ redirects: [], problems: [] });
    expect(listed).toBe(0);
    writeFileSync(join(dir, 'redirects.yaml'), 'old-deposit: lease-deposit-refnud\n');
    expect(loadRedirects(dir, slugs).problems.map((p) => p.rule)).toEqual(['redirect-target']);
    expect(listed).toBe(1);
  });

  it('rejects a target that is not a published article, naming the line', () => {
    expect(check('old-lease-guide: phone-leasing-explained\nold-deposit: lease-deposit-refnud\n')).toEqual([
      '2 [redirect-target] 目标“lease-deposit-refnud”不是任何已发布文章的 slug：检查拼写（看文章 frontmatter 的 slug），或删掉这一行。',
    ]);
  });

  it('rejects a chain and says where to point the first slug', () => {
    expect(check('a-old: b-old\nb-old: lease-early-return\n')).toEqual([
      '1 [redirect-chain] 跳转链 a-old → b-old → lease-early-return：请把“a-old”直接指向“lease-early-return”，一次跳到位。',
    ]);
  });

  it('rejects loops, including a slug pointing at itself', () => {
    expect(check('a-old: b-old\nb-old: a-old\nc-old: c-old\n')).toEqual([
      '1 [redirect-loop] 跳转形成了循环：a-old → b-old → a-old。请让每个旧 slug 直接指向现在存在的文章。',
      '2 [redirect-loop] 跳转形成了循环：b-old → a-old → b-old。请让每个旧 slug 直接指向现在存在的文章。',
      '3 [redirect-loop] “c-old”跳到自己：删掉这一行。',
    ]);
  });

  it('rejects redirecting a URL that a published article still uses', () => {
    expect(check('lease-deposit-refund: lease-early-return\n')).toEqual([
      '1 [redirect-shadows-article] 旧 slug “lease-deposit-refund”仍是一篇已发布文章的网址，跳转会让它无法访问：删掉这一行，或先给那篇文章换 slug。',
    ]);
  });

  it('rejects paths or URLs instead of slugs, duplicates and broken YAML', () => {
    expect(check('/articles/old/: phone-leasing-explained\n')[0]).toContain('[redirect-slug] 旧 slug “/articles/old/”不是合法的 slug');
    expect(check('old: https://x.test/articles/phone-leasing-explained/\n')[0]).toContain('[redirect-slug] 新 slug');
    expect(check('old: lease-early-return\nold: phone-leasing-explained\n')).toEqual(['2 [redirect-duplicate] 同一个旧 slug 出现了两次：每个旧网址只能跳到一个新网址，请删掉其中一行。']);
    expect(check('old lease-early-return\n')[0]).toMatch(/^1 \[redirect-format\]/);
    expect(check('old-a:\n')[0]).toBe('1 [redirect-format] “old-a” 后面要写新的 slug，例如 old-a: new-slug。');
    expect(check('old: [a\n')[0]).toMatch(/^\d \[redirect-yaml\] 不是合法的 YAML/);
  });
});

describe('generated redirects', () => {
  const redirects = [{ from: 'old-lease-guide', to: 'phone-leasing-explained', line: 2 }];

  it('Astro redirects are 301s between article paths', () => {
    expect(astroRedirects(redirects)).toEqual({ '/articles/old-lease-guide/': { status: 301, destination: '/articles/phone-leasing-explained/' } });
  });

  it('_redirects lists both spellings of the old path with a bare 301 (Cloudflare ignores 301!)', () => {
    expect(netlifyRedirects(redirects).split('\n').filter((l) => !l.startsWith('#'))).toEqual([
      '/articles/old-lease-guide/ /articles/phone-leasing-explained/ 301',
      '/articles/old-lease-guide /articles/phone-leasing-explained/ 301',
      '',
    ]);
  });

  it('nginx gets exact-match locations returning 301', () => {
    const lines = nginxRedirects(redirects).split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines).toEqual([
      'location = /articles/old-lease-guide/ { return 301 /articles/phone-leasing-explained/; }',
      'location = /articles/old-lease-guide { return 301 /articles/phone-leasing-explained/; }',
    ]);
  });
});
