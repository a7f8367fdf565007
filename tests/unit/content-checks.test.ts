import { describe, expect, it } from 'vitest';
import { crossArticleProblems, dateProblems, formatProblem, headingIds, isProblem, parseArticle, type ParsedArticle } from '../../src/lib/content-checks.ts';

const source = (slug: string, title: string, body: string, extra = '') =>
  `---\ntitle: "${title}"\nslug: ${slug}\npublishedAt: 2026-11-27\n${extra}---\n${body}`;
const parse = (file: string, text: string) => {
  const result = parseArticle({ file, source: text });
  if (isProblem(result)) throw new Error(result.message);
  return result as ParsedArticle;
};

describe('headingIds', () => {
  it('makes the ids the Markdown processor makes, including Chinese headings', () => {
    expect([...headingIds('## 押金：什么时候退？\n## 押金：什么时候退？\n### iPhone 13 示例')]).toEqual(['押金什么时候退', '押金什么时候退-1', 'iphone-13-示例']);
  });
});

describe('parseArticle', () => {
  it('reports broken YAML with the file line', () => {
    const p = parseArticle({ file: 'a.mdx', source: '---\ntitle: 租机: 押金\n---\n' });
    expect(isProblem(p) && p.rule).toBe('frontmatter-yaml');
    expect(isProblem(p) && p.line).toBe(2);
  });
  it('records the line of each field', () => {
    expect(parse('a.mdx', source('a', '标题', '正文')).fieldLines.get('slug')).toBe(3);
  });
});

describe('dateProblems', () => {
  it('catches an impossible date that YAML would roll over', () => {
    const a = parse('a.mdx', source('a', '标题', '正文', 'updatedAt: 2026-02-30\n'));
    expect(dateProblems(a).map((p) => [p.rule, p.line])).toEqual([['invalid-date', 5]]);
  });
});

describe('crossArticleProblems', () => {
  it('finds duplicate slugs and titles, missing articles and missing anchors with their lines', () => {
    const a = parse('a.mdx', source('a', '同一个标题', '## 押金什么时候退\n见[b](/articles/b/#不存在)和[c](/articles/c/)。'));
    const b = parse('b.mdx', source('b', '同一个标题', '回到[a](/articles/a/#押金什么时候退)。'));
    const b2 = parse('b2.mdx', source('b', '另一个标题', '正文'));
    const problems = crossArticleProblems([a, b, b2]);
    expect(problems.map((p) => `${p.file}:${p.line} ${p.rule}`)).toEqual([
      'b.mdx:2 duplicate-title',
      'b2.mdx:3 duplicate-slug',
      'a.mdx:7 broken-anchor',
      'a.mdx:7 broken-link',
    ]);
    expect(formatProblem(problems[1]!)).toMatch(/^b2\.mdx:3 {2}错误 \[duplicate-slug\] {2}slug “b” 已被 b\.mdx 使用/);
  });
});
