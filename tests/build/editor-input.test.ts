/**
 * The build with what editors write: component misuse, wrong types, future dates and an
 * unfinished article stop it with file, line or field and leave the previous output;
 * drafts never reach the built site, its sitemap, feeds or search index.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fragmentUrls } from '../../src/lib/search/fragments.ts';
import { articleFile, brokenBuild, editFile as edit, expectPreviousSiteKept, fixtureCopy, runBuild } from '../support/build.ts';

/** A build that must fail and keep the previous output; `file` is the broken article. */
async function failedBuild(name: string, breakIt: (dir: string) => void) {
  const run = await brokenBuild(name, breakIt);
  expect(run.code).not.toBe(0);
  expectPreviousSiteKept(run.out);
  return { ...run, file: run.file('lease-deposit') };
}

describe.concurrent('a build with an editing mistake fails clearly', () => {
  it('component misuse names the file and line', async () => {
    const run = await failedBuild('component-misuse', (dir) =>
      edit(articleFile(dir, 'lease-deposit'), (t) => `${t}\n<LawCitation law="民法典">\n押金条款。\n</LawCitation>\n`),
    );
    const line = readFileSync(articleFile(`.build/fixtures/component-misuse`, 'lease-deposit'), 'utf8').split('\n').findIndex((l) => l.startsWith('<LawCitation')) + 1;
    expect(run.output).toContain(`${run.file}:${line}  错误 [component]  <LawCitation> 用法不对：缺少 article。`);
  });

  it('a wrong type names the file and field', async () => {
    const run = await failedBuild('wrong-type', (dir) => edit(articleFile(dir, 'lease-deposit'), (t) => t.replace(/^tags: .*$/m, 'tags: "押金"')));
    expect(run.output).toContain('lease-deposit.mdx');
    expect(run.output).toContain('tags 必须是字符串列表');
  });

  it('a future date', async () => {
    const run = await failedBuild('future-date', (dir) => edit(articleFile(dir, 'lease-deposit'), (t) => t.replace('publishedAt: 2026-11-21', 'publishedAt: 2099-01-01')));
    expect(run.output).toContain('lease-deposit.mdx');
    expect(run.output).toContain('publishedAt 不能是将来的日期');
  });

  it('a published article that still has the placeholder description', async () => {
    const run = await failedBuild('placeholder', (dir) =>
      edit(articleFile(dir, 'lease-deposit'), (t) => t.replace(/^description: .*$/m, 'description: "待填写：用一两句话直接回答标题的问题，50–120 字，会显示在搜索结果里。"')),
    );
    expect(run.output).toContain('lease-deposit.mdx');
    expect(run.output).toContain('description 还是 npm run new 写的占位文字');
  });
});

describe('drafts', () => {
  it('are left out of the built pages, sitemap, feeds and search index', async () => {
    const dir = fixtureCopy('drafts');
    const title = '租机押金被扣的草稿文章';
    writeFileSync(
      articleFile(dir, 'deposit-draft'),
      readFileSync(articleFile(dir, 'lease-deposit'), 'utf8')
        .replace(/^title: .*$/m, `title: "${title}"`)
        .replace('slug: lease-deposit', 'slug: deposit-draft\ndraft: true')
        .replace('## 押金什么时候退', '## 押金什么时候退\n\n草稿独有的词：蓝鲸押金。'),
    );
    const out = `${dir}-out`;
    const run = await runBuild(dir, out);
    expect(run.code, run.output).toBe(0);
    expect(existsSync(join(out, 'articles/lease-deposit/index.html'))).toBe(true);
    expect(existsSync(join(out, 'articles/deposit-draft'))).toBe(false);
    const texts = readdirSync(out, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(html|xml|json|txt)$/.test(f))
      .map((f) => [f, readFileSync(join(out, f), 'utf8')] as const);
    expect(texts.some(([f]) => f.startsWith('sitemap'))).toBe(true);
    expect(texts.some(([f]) => f.endsWith('rss.xml'))).toBe(true);
    for (const [file, text] of texts) {
      expect(text, file).not.toContain('deposit-draft');
      expect(text, file).not.toContain(title);
      expect(text, file).not.toContain('蓝鲸押金');
    }
    const indexed = [...fragmentUrls(join(out, 'pagefind')).values()];
    expect(indexed).toContain('/articles/lease-deposit/');
    expect(indexed).not.toContain('/articles/deposit-draft/');
  });
});
