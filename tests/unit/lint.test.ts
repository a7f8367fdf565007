/**
 * The content linter's rules on small real-looking articles: each rule fires on the
 * mistake it is for, names the right line, and stays quiet on correct text.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem, SourceFile } from '../../src/lib/content-checks.ts';
import { loadArticle, type LintArticle } from '../../src/lib/lint/article.ts';
import { calloutKind, componentProblems, lawArticleLabel, lawTitle, type MdxNode } from '../../src/lib/lint/components.ts';
import { fixTypography, lintContent, useAutocorrectConfig } from '../../src/lib/lint/index.ts';
import { mdxProblems, parseMdx } from '../../src/lib/lint/mdx.ts';
import { phoneNumbersIn } from '../../src/lib/lint/phone.ts';
import { staleProblems } from '../../src/lib/lint/stale.ts';
import { typographyProblems } from '../../src/lib/lint/typography.ts';

beforeAll(() => useAutocorrectConfig(readFileSync('.autocorrectrc', 'utf8')));

const TODAY = new Date('2026-11-27T00:00:00Z');

/** A source with frontmatter fields in the usual order; `extra` lines are added before the closing ---. */
function source(fields: Record<string, string>, body: string): string {
  const defaults: Record<string, string> = {
    title: '"租机押金多久能退"',
    slug: 'lease-deposit',
    description: '"押金一般在归还手机、验机无误后退回，时间以合同为准，通常是几个工作日。本文讲清退押金的条件、时间和被拖延时怎么办。"',
    category: 'leasing',
    publishedAt: '2026-11-20',
  };
  const all = { ...defaults, ...fields };
  const yaml = Object.entries(all)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body}`;
}

const load = (text: string, file = 'content/articles/a.mdx') => {
  const a = loadArticle({ file, source: text });
  if ('rule' in a) throw new Error(a.message);
  return a as LintArticle;
};

const lint = (files: SourceFile[]) => lintContent({ files, categories: ['installment', 'leasing'], categoryFile: 'content/categories.yaml', today: TODAY });
const rules = (problems: Problem[], file?: string) => problems.filter((p) => !file || p.file === file).map((p) => `${p.line}:${p.rule}`);

describe('schema errors carry the field line', () => {
  it('reports a wrong type, an unknown category and an unknown field on their lines', () => {
    const problems = lint([
      {
        file: 'x.mdx',
        source: source({ category: 'leasings', tags: '"押金"', draft: '"否"', autor: '小王' }, '正文。\n'),
      },
    ]).filter((p) => p.rule === 'schema');
    const byLine = new Map(problems.map((p) => [p.line, p.message]));
    expect(byLine.get(5)).toMatch(/category 必须是 content\/categories\.yaml 里的分类之一：installment、leasing/);
    expect(byLine.get(7)).toMatch(/tags 必须是字符串列表/);
    expect(byLine.get(8)).toMatch(/draft 只能是 true 或 false/);
    expect(byLine.get(9)).toMatch(/不认识的字段：autor/);
  });

  it('points a FAQ item without an answer at that item', () => {
    const text = source({ faq: '\n  - question: "押金多久退？"\n    answer: "一般几个工作日。"\n  - question: "能催吗？"' }, '正文。\n');
    const problem = lint([{ file: 'x.mdx', source: text }]).find((p) => p.rule === 'schema')!;
    expect(problem.message).toContain('faq 每一项都要有 answer');
    expect(text.split('\n')[problem.line - 1]).toContain('能催吗');
  });

  it('rejects a future and an impossible date, once each', () => {
    const future = lint([{ file: 'f.mdx', source: source({ publishedAt: '2027-03-01' }, '正文。\n') }]);
    expect(future.find((p) => p.rule === 'schema')).toMatchObject({ line: 6, message: 'publishedAt 不能是将来的日期。' });
    const impossible = lint([{ file: 'i.mdx', source: source({ publishedAt: '2026-02-30' }, '正文。\n') }]);
    expect(rules(impossible).filter((r) => r.startsWith('6:'))).toEqual(['6:invalid-date']);
  });

  it('reports unclosed frontmatter at line 1', () => {
    const problems = lint([{ file: 'u.mdx', source: '---\ntitle: "租机押金"\nslug: a\n\n正文\n' }]);
    expect(problems).toEqual([expect.objectContaining({ line: 1, rule: 'frontmatter' })]);
  });
});

describe('typography (AutoCorrect)', () => {
  const text = source(
    { description: '"租机押金一般在归还后7个工作日内退回,具体以合同为准。本文讲清退押金的条件、时间和被拖延时怎么办,以及如何投诉。"' },
    '## 押金\n\n用支付宝app租iphone 13,押金1000元.\n\n<Callout type="提示">\n可参照[退押金的步骤](/articles/x/)处理。\n</Callout>\n\n`code中文abc` 不动。\n',
  );

  it('finds missing spaces, half-width punctuation and proper nouns on the right lines', () => {
    const problems = typographyProblems(load(text));
    expect(problems.map((p) => p.line)).toEqual([4, 11]);
    expect(problems[1]!.message).toContain('“用支付宝 App 租 iPhone 13，押金 1000 元。”');
    // Markdown inside a component is read as Markdown: the link needs no spaces around it.
    expect(problems.some((p) => p.message.includes('参照 ['))).toBe(false);
  });

  it('--fix rewrites only reader-visible text and keeps the frontmatter layout', () => {
    const fixed = fixTypography(load(text));
    const lines = fixed.split('\n');
    expect(lines[4 - 1]).toBe('description: "租机押金一般在归还后 7 个工作日内退回，具体以合同为准。本文讲清退押金的条件、时间和被拖延时怎么办，以及如何投诉。"');
    expect(lines.slice(0, 3)).toEqual(text.split('\n').slice(0, 3));
    expect(lines.slice(4, 7)).toEqual(text.split('\n').slice(4, 7));
    expect(fixed).toContain('用支付宝 App 租 iPhone 13，押金 1000 元。');
    expect(fixed).toContain('<Callout type="提示">\n可参照[退押金的步骤](/articles/x/)处理。\n</Callout>');
    expect(fixed).toContain('`code中文abc`');
    expect(typographyProblems(load(fixed))).toEqual([]);
  });

  it('leaves a planned title alone when asked to', () => {
    const planned = load(source({ title: '"芝麻分600能否分期购买手机?"' }, '正文。\n'));
    expect(typographyProblems(planned, { skipTitle: true })).toEqual([]);
    expect(typographyProblems(planned)).toHaveLength(1);
  });
});

describe('phone numbers', () => {
  it.each([
    ['请拨打 12345 咨询', ['12345']],
    ['客服电话 400-820-8820', ['400-820-8820']],
    ['加微信或致电 13800138000', ['13800138000']],
    ['银行客服 95588', ['95588']],
    ['座机 0731-88888888', ['0731-88888888']],
  ])('flags %s', (line, expected) => {
    expect(phoneNumbersIn(line).map((m) => m.text)).toEqual(expected);
  });

  it.each(['拨打 110 报警', '拨打 96110 咨询', '打 12315 投诉', '12378 热线', '借 12000 元分 12 期', '芝麻分 600 分', '2024 年 5 月 31 日', '年化利率 24%'])(
    'allows %s',
    (line) => expect(phoneNumbersIn(line)).toEqual([]),
  );
});

describe('components', () => {
  const tree = (body: string) => {
    const parsed = parseMdx('c.mdx', `---\ntitle: x\n---\n\n${body}`);
    if ('problem' in parsed) throw new Error(parsed.problem.message);
    return parsed.tree as MdxNode;
  };

  it('accepts correct uses', () => {
    const body = [
      '<Callout type="警告" title="别转账">\n不要把钱转到个人账户。\n</Callout>',
      '<Steps>\n\n1. 第一步\n2. 第二步\n\n</Steps>',
      '<KeyPoints>\n- 要点\n</KeyPoints>',
      '<LawCitation law="民法典" article="第634条" paraphrase>\n条文大意。\n</LawCitation>',
      '<CompareTable caption="对比">\n\n| 项目 | 分期 |\n| --- | --- |\n| 所有权 | 归你 |\n\n</CompareTable>',
      '<InstallmentCalculator price={6000} periods={12} feeRate={0.6} comparePeriods={[6, 12]} />',
    ].join('\n\n');
    expect(componentProblems('c.mdx', tree(body))).toEqual([]);
  });

  it.each([
    ['<Callout type="危险">\n小心。\n</Callout>', /type="危险" 不认识，只能是 提示、注意、警告/],
    ['<LawCitation law="民法典">\n条文。\n</LawCitation>', /<LawCitation> 用法不对：缺少 article/],
    ['<LawCitation law="民法典" article="合同编">\n条文。\n</LawCitation>', /要写条号/],
    ['<Steps>\n- 没有编号\n</Steps>', /只能写一个编号列表/],
    ['<CompareTable>\n只有文字\n</CompareTable>', /只能写一个 Markdown 表格/],
    ['<InstallmentCalculator price="6000" />', /price 是数字，要写成 price=\{6000\}/],
    ['<Calout type="提示">\n拼错了。\n</Calout>', /没有叫 <Calout> 的组件/],
    ['<Callout typ="提示">\n拼错了。\n</Callout>', /没有 typ 这个属性/],
  ])('reports %s with its line', (body, message) => {
    const problems = componentProblems('c.mdx', tree(`第一段。\n\n${body}`));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'c.mdx', line: 7, rule: 'component' });
    expect(problems[0]!.message).toMatch(message);
  });

  it('formats law citations consistently', () => {
    expect(lawTitle('民法典')).toBe('《民法典》');
    expect(lawTitle('《刑法》')).toBe('《刑法》');
    expect(lawArticleLabel('634')).toBe('第 634 条');
    expect(lawArticleLabel('第634条第一款')).toBe('第 634 条第一款');
    expect(lawArticleLabel('第六百三十四条')).toBe('第六百三十四条');
    expect(lawArticleLabel('合同编')).toBeUndefined();
    expect(calloutKind('警告')).toEqual({ kind: 'warning', label: '警告' });
    expect(calloutKind('note')).toEqual({ kind: 'note', label: '注意' });
    expect(calloutKind(undefined)).toEqual({ kind: 'tip', label: '提示' });
    expect(calloutKind('danger')).toBeUndefined();
  });
});

describe('MDX syntax', () => {
  it('names the line and column and explains braces', () => {
    const [problem] = mdxProblems({ file: 'm.mdx', source: source({}, '第一段。\n\n押金比例 {最高 不超过 30%\n') });
    expect(problem).toMatchObject({ file: 'm.mdx', line: 11, rule: 'mdx-syntax' });
    expect(problem!.column).toBeGreaterThan(0);
    expect(problem!.message).toContain('花括号');
  });

  it('explains an unclosed component tag', () => {
    const [problem] = mdxProblems({ file: 'm.mdx', source: source({}, '<Callout type="提示">\n没有结束标签。\n') });
    expect(problem).toMatchObject({ line: 9, rule: 'mdx-syntax' });
    expect(problem!.message).toContain('成对出现');
  });
});

describe('cross-article rules', () => {
  const article = (slug: string, links: string[], extra = '') =>
    ({
      file: `content/articles/${slug}.mdx`,
      source: source({ slug, title: `"标题${slug}"` }, `## 小节\n\n${links.map((l) => `见[文章](/articles/${l}/)。`).join('\n')}\n${extra}`),
    }) satisfies SourceFile;

  it('reports orphans, broken links and duplicate slugs', () => {
    const problems = lint([article('a', ['b']), article('b', ['a', 'missing']), article('c', ['a'])]);
    expect(problems.filter((p) => p.rule === 'orphan').map((p) => p.file)).toEqual(['content/articles/c.mdx']);
    expect(problems.find((p) => p.rule === 'broken-link')).toMatchObject({ file: 'content/articles/b.mdx', line: 12 });
    const dup = lint([article('a', []), { ...article('a', []), file: 'content/articles/a-copy.mdx' }]);
    expect(dup.find((p) => p.rule === 'duplicate-slug')).toMatchObject({ file: 'content/articles/a-copy.mdx', line: 3 });
  });

  it('does not count drafts as orphans and reports near-duplicate bodies', () => {
    const text = '押金是承租人为担保按时付租金和归还手机而交给出租人的钱，归还并验机无误后应当退回。'.repeat(4);
    const draft = { ...article('d', []), source: article('d', []).source.replace('publishedAt', 'draft: true\npublishedAt') };
    const problems = lint([article('a', ['b'], text), article('b', ['a'], text), draft]);
    expect(problems.filter((p) => p.rule === 'orphan')).toEqual([]);
    expect(problems.find((p) => p.rule === 'similar-body')?.message).toMatch(/正文和 content\/articles\/a\.mdx 太像/);
  });

  it('warns about articles nobody has checked for over 12 months', () => {
    const old = load(source({ publishedAt: '2024-05-31', updatedAt: '2025-12-01' }, '正文。\n'));
    expect(staleProblems(old, TODAY)).toEqual([]);
    const older = load(source({ publishedAt: '2024-05-31', updatedAt: '2025-11-20' }, '正文。\n'));
    expect(staleProblems(older, new Date('2026-11-21T00:00:00Z'))).toHaveLength(1);
    const [warning] = staleProblems(load(source({ publishedAt: '2024-05-31' }, '正文。\n')), TODAY);
    expect(warning).toMatchObject({ line: 6, rule: 'stale', severity: 'warning' });
    expect(warning!.message).toContain('reviewedAt: 2026-11-27');
  });

  it('rejects placeholders left by npm run new', () => {
    const problems = lint([{ file: 'p.mdx', source: source({ description: '"待填写：用一两句话直接回答标题的问题，50–120 字。"' }, '正文。\n') }]);
    expect(problems.filter((p) => p.rule === 'placeholder').map((p) => p.line)).toEqual([4]);
    expect(problems.some((p) => p.rule === 'schema' && p.line === 4)).toBe(false);
  });
});
