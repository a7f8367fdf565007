/** `npm run new` with real inputs, on a copy of the fixture site. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDay, slugFromTitle } from '../../src/lib/new-article.ts';
import { contentCopy, runTool, snapshot } from '../support/lint.ts';

const SCRIPT = 'scripts/new-article.ts';

describe('npm run new', () => {
  it('creates a draft from flags with a pinyin slug, today, a FAQ skeleton and a placeholder description', async () => {
    const dir = contentCopy('tests/fixtures/valid', 'new-flags');
    const run = await runTool(SCRIPT, dir, ['--title', '租机到期不还会怎样', '--category', 'leasing']);
    expect(run.code, run.output).toBe(0);
    const slug = slugFromTitle('租机到期不还会怎样');
    expect(slug).toMatch(/^zu-ji-daoqi-bu-/);
    const file = join(dir, 'articles', `${slug}.mdx`);
    expect(run.output).toContain(`${slug}.mdx`);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`title: "租机到期不还会怎样"\nslug: ${slug}\ndescription: "待填写`);
    expect(text).toContain(`publishedAt: ${localDay(new Date())}`);
    expect(text.match(/- question:/g)).toHaveLength(3);
    expect(text).toContain('draft: true');
    // The linter rejects the placeholders; the schema accepts the draft, so npm run dev shows it.
    const lint = await runTool('scripts/lint-content.ts', dir);
    expect(lint.output).toContain(`${slug}.mdx:4  错误 [placeholder]`);
    expect(lint.code).toBe(1);
  });

  it('asks for what is missing, lists the categories, and asks again after a wrong answer', async () => {
    const dir = contentCopy('tests/fixtures/valid', 'new-prompts');
    const run = await runTool(SCRIPT, dir, [], '租机押金能退吗\n押金被扣了怎么办\n7\nleasing\ndeposit-deducted\n');
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('已经有一篇标题为“租机押金能退吗”的文章了');
    expect(run.output).toContain('1. installment（分期购机）');
    expect(run.output).toContain('没有“7”这个分类');
    const text = readFileSync(join(dir, 'articles', 'deposit-deducted.mdx'), 'utf8');
    expect(text).toContain('title: "押金被扣了怎么办"');
    expect(text).toContain('category: leasing');
  });

  it.each([
    ['an existing title', ['--title', '租机押金能退吗', '--category', 'leasing'], '已经有一篇标题为'],
    ['an existing slug', ['--title', '押金退还的新问题', '--category', 'leasing', '--slug', 'fee-to-apr'], '已被另一篇文章使用'],
    ['an unknown category', ['--title', '押金退还的新问题', '--category', 'zuji'], '分类“zuji”不存在'],
    ['a bad slug', ['--title', '押金退还的新问题', '--category', 'leasing', '--slug', 'Ya Jin'], '只能用小写英文字母'],
  ])('refuses %s and writes nothing', async (name, args, message) => {
    const dir = contentCopy('tests/fixtures/valid', `new-refuse-${name.replace(/\W+/g, '-')}`);
    const before = snapshot(dir);
    const run = await runTool(SCRIPT, dir, args);
    expect(run.code).toBe(1);
    expect(run.output).toContain('没有创建文章');
    expect(run.output).toContain(message);
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(join(dir, 'articles'))).toHaveLength(2);
    expect(existsSync(join(dir, 'articles', 'ya-jin.mdx'))).toBe(false);
  });
});
