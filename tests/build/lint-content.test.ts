/**
 * `npm run lint:content` on a copy of the real articles with one thing broken: each
 * mistake gets file:line, its rule and a fix, the exit code is 1, and no file is changed.
 * `--fix` changes only what it reports as fixable.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentCopy, runTool, snapshot } from '../support/lint.ts';

const SCRIPT = 'scripts/lint-content.ts';
const SLUG = 'lease-cashout-scams';

function articlePath(dir: string, slug = SLUG) {
  return join(dir, 'articles', `${slug}.mdx`);
}

/** Breaks one article in a copy of content/, lints it, and checks nothing was written. */
async function lintBroken(name: string, change: (text: string) => string, slug = SLUG) {
  const dir = contentCopy('content', `lint-${name}`);
  const file = articlePath(dir, slug);
  const broken = change(readFileSync(file, 'utf8'));
  writeFileSync(file, broken);
  const before = snapshot(dir);
  const run = await runTool(SCRIPT, dir);
  expect(snapshot(dir), 'lint:content must not change any file').toEqual(before);
  const shown = relative(process.cwd(), file);
  /** The 1-based line of the first line containing `text` in the broken file. */
  const lineOf = (text: string) => broken.split('\n').findIndex((l) => l.includes(text)) + 1;
  return { ...run, shown, lineOf };
}

describe('the real articles', () => {
  it('lint clean and are left untouched', async () => {
    const before = snapshot('content');
    const run = await runTool(SCRIPT, 'content');
    expect(run.output).toContain('内容检查通过：');
    expect(run.code, run.output).toBe(0);
    expect(snapshot('content')).toEqual(before);
  });
});

describe('a broken article gets file:line, the rule and a non-zero exit', () => {
  it.each([
    ['unclosed frontmatter', (t: string) => t.replace(/\n---\n/, '\n\n'), '1', '[frontmatter]', '开头和结尾的 --- 是否都在'],
    ['wrong type', (t: string) => t.replace(/^tags: .*$/m, 'tags: "租机"'), 'tags:', '[schema]', 'tags 必须是字符串列表'],
    ['unknown category', (t: string) => t.replace(/^category: .*$/m, 'category: scams'), 'category:', '[schema]', 'category 必须是'],
    ['future date', (t: string) => t.replace(/^publishedAt: .*$/m, 'publishedAt: 2099-01-01'), 'publishedAt:', '[schema]', 'publishedAt 不能是将来的日期'],
    ['impossible date', (t: string) => t.replace(/^publishedAt: .*$/m, 'publishedAt: 2026-02-30'), 'publishedAt:', '[invalid-date]', '不是真实存在的日期'],
    ['duplicate slug', (t: string) => t.replace(/^slug: .*$/m, 'slug: lease-cashout-criminal-risk'), 'slug:', '[duplicate-slug]', 'lease-cashout-criminal-risk.mdx 使用'],
    ['MDX syntax error', (t: string) => t.replace('## 现在该怎么做', '押金比例 {最高 不超过 30%\n\n## 现在该怎么做'), '押金比例', '[mdx-syntax]', '花括号'],
    ['missing article', (t: string) => t.replace('](/articles/alipay-lease-fraud-response/)', '](/articles/alipay-lease-fraud/)'), 'alipay-lease-fraud/', '[broken-link]', '指向不存在的文章'],
    ['component misuse', (t: string) => t.replace('<Callout type="警告"', '<Callout type="危险"'), '<Callout', '[component]', '只能是 提示、注意、警告'],
    ['phone number', (t: string) => t.replace('拨打 110 报案', '拨打 110 或 0591-87654321 报案'), '0591-87654321', '[phone-number]', '像是电话号码'],
    ['typography', (t: string) => t.replace('卸载对方让你安装的 App', '卸载对方让你安装的app'), '安装的app', '[typography]', '--fix'],
  ])('%s', async (name, change, marker, rule, message) => {
    const run = await lintBroken(name.replace(/\W+/g, '-'), change);
    const line = marker === '1' ? 1 : run.lineOf(marker);
    expect(line).toBeGreaterThan(0);
    const reported = run.output.split('\n').find((l) => l.startsWith(`${run.shown}:${line}`) && l.includes(rule));
    expect(reported, run.output).toBeDefined();
    expect(reported).toContain(message);
    expect(run.code).toBe(1);
    expect(run.output).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
  });

  it('an orphan: removing the only links to an article', async () => {
    const dir = contentCopy('content', 'lint-orphan');
    const host = articlePath(dir, 'installment-vs-online-loan');
    writeFileSync(host, readFileSync(host, 'utf8').replace(/，见\[免押分期手机贷款的拆解\]\(\/articles\/no-deposit-phone-loan\/\)/, ''));
    const run = await runTool(SCRIPT, dir);
    expect(run.output).toContain(`${relative(process.cwd(), articlePath(dir, 'no-deposit-phone-loan'))}:3  错误 [orphan]`);
    expect(run.code).toBe(1);
  });
});

describe('--fix', () => {
  let dir: string;
  let before: Map<string, string>;
  beforeAll(() => {
    dir = contentCopy('content', 'lint-fix');
    const file = articlePath(dir);
    const text = readFileSync(file, 'utf8')
      .replace('卸载对方让你安装的 App', '卸载对方让你安装的app')
      .replace(/^(description: ".*?)。"/m, '$1,共3种手法。"');
    writeFileSync(file, text);
    before = snapshot(dir);
  });

  it('fixes typography in the body and in frontmatter strings, and nothing else', async () => {
    const run = await runTool(SCRIPT, dir, ['--fix']);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('修正了 1 个文件');
    const after = snapshot(dir);
    const name = `articles/${SLUG}.mdx`;
    const [was, now] = [before.get(name)!.split('\n'), after.get(name)!.split('\n')];
    const changed = was.flatMap((line, i) => (line === now[i] ? [] : [[line, now[i]]]));
    expect(changed).toHaveLength(2);
    expect(now.find((l) => l.startsWith('description:'))).toMatch(/，共 3 种手法。"$/);
    expect(after.get(name)).toContain('卸载对方让你安装的 App');
    for (const [file, text] of before) if (file !== name) expect(after.get(file), file).toBe(text);
  });
});
