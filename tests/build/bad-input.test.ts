/**
 * Bad input stops the build with a message naming the file and the field or line, and
 * leaves the previous output folder as it was.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFile, brokenBuild, editFile as edit, expectPreviousSiteKept as expectUntouched, fixtureCopy, runBuild } from '../support/build.ts';

describe.concurrent('a build with bad content fails clearly', () => {
  it('missing title', async () => {
    const run = await brokenBuild('missing-title', (dir) => edit(articleFile(dir, 'fee-to-apr'), (t) => t.replace(/^title: .*\n/m, '')));
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('fee-to-apr.mdx');
    expect(run.output).toContain('title 必填');
    expectUntouched(run.out);
  });

  it('unknown category', async () => {
    const run = await brokenBuild('unknown-category', (dir) => edit(articleFile(dir, 'lease-deposit'), (t) => t.replace('category: leasing', 'category: leasings')));
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('lease-deposit.mdx');
    expect(run.output).toMatch(/category 必须是 .*categories\.yaml 里的分类之一：installment、leasing/);
    expectUntouched(run.out);
  });

  it('duplicate slug', async () => {
    const run = await brokenBuild('duplicate-slug', (dir) => edit(articleFile(dir, 'lease-deposit'), (t) => t.replace('slug: lease-deposit', 'slug: fee-to-apr')));
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(`${run.file('lease-deposit')}:3`);
    expect(run.output).toContain('[duplicate-slug]');
    expect(run.output).toContain(`已被 ${run.file('fee-to-apr')} 使用`);
    expectUntouched(run.out);
  });

  it('impossible date', async () => {
    const run = await brokenBuild('invalid-date', (dir) => edit(articleFile(dir, 'lease-deposit'), (t) => t.replace('publishedAt: 2026-11-21', 'publishedAt: 2026-02-30')));
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(`${run.file('lease-deposit')}:6`);
    expect(run.output).toContain('publishedAt 的值 2026-02-30 不是真实存在的日期');
    expectUntouched(run.out);
  });

  it('date that is not a date', async () => {
    const run = await brokenBuild('text-date', (dir) => edit(articleFile(dir, 'lease-deposit'), (t) => t.replace('publishedAt: 2026-11-21', 'publishedAt: 上周五')));
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('lease-deposit.mdx');
    expect(run.output).toContain('publishedAt');
    expectUntouched(run.out);
  });

  it('broken MDX', async () => {
    const run = await brokenBuild('broken-mdx', (dir) => edit(articleFile(dir, 'lease-deposit'), (t) => `${t}\n押金比例 {最高 不超过 30%\n`));
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/lease-deposit\.mdx:\d+:\d+/);
    expectUntouched(run.out);
  });

  it('link to a missing article', async () => {
    const run = await brokenBuild('broken-link', (dir) => edit(articleFile(dir, 'fee-to-apr'), (t) => t.replace('/articles/lease-deposit/#', '/articles/lease-depost/#')));
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(`${run.file('fee-to-apr')}:17`);
    expect(run.output).toContain('[broken-link]');
    expectUntouched(run.out);
  });

  it('no articles folder', async () => {
    const run = await brokenBuild('no-articles', (dir) => rmSync(join(dir, 'articles'), { recursive: true }));
    expect(run.code).toBe(1);
    expect(run.output).toContain(`构建失败：找不到文章目录 ${relative(process.cwd(), join(run.dir, 'articles'))}。`);
    expectUntouched(run.out);
  });

  it('unclosed frontmatter', async () => {
    const run = await brokenBuild('unclosed-frontmatter', (dir) => edit(articleFile(dir, 'lease-deposit'), (t) => t.replace(/\n---\n/, '\n\n')));
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(`${run.file('lease-deposit')}:1`);
    expect(run.output).toContain('[frontmatter]');
    expectUntouched(run.out);
  });
});

describe('a good build', () => {
  it('replaces the previous output with the new site and its search index', async () => {
    const dir = fixtureCopy('valid');
    const out = `${dir}-out`;
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'stale.html'), 'old');
    const run = await runBuild(dir, out);
    expect(run.code, run.output).toBe(0);
    expect(existsSync(join(out, 'stale.html'))).toBe(false);
    expect(existsSync(join(out, 'articles/fee-to-apr/index.html'))).toBe(true);
    expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
  });
});
