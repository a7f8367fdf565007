import { describe, expect, it } from 'vitest';
import { lintContent } from '../../src/lib/lint/index.ts';
import { articleTemplate, newArticleProblems, slugFromTitle } from '../../src/lib/new-article.ts';
import { labelTableCells } from '../../src/lib/mdx-table.ts';
import { searchRecords } from '../../src/lib/search/records.ts';
import { lexiconOf } from '../../src/lib/search/segment.ts';

describe('slugFromTitle', () => {
  it.each([
    ['分期购买手机的条件有哪些', 'fenqi-goumai-shouji-tiaojian'],
    ['iPhone 15 分期怎么算利息', 'iphone-15-fenqi-suan-lixi'],
    ['芝麻分600能否分期购买手机?', 'zhima-fen-600-fenqi-goumai-shouji'],
  ])('%s → %s', (title, slug) => expect(slugFromTitle(title)).toBe(slug));

  it('keeps long titles short', () => {
    const slug = slugFromTitle('中华人民共和国民法典关于分期付款买卖合同解除条件的详细解读与案例分析');
    expect(slug.split('-').length).toBeLessThanOrEqual(6);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('newArticleProblems', () => {
  const existing = { titles: new Set(['租机押金多久能退']), slugs: new Set(['lease-deposit']) };
  it('refuses an existing title or slug and an unknown category', () => {
    expect(newArticleProblems({ title: '租机押金多久能退', slug: 'new-one', category: 'leasing' }, existing, ['leasing'])).toHaveLength(1);
    expect(newArticleProblems({ title: '新标题', slug: 'lease-deposit', category: 'leasing' }, existing, ['leasing'])[0]).toMatch(/已被另一篇文章使用/);
    expect(newArticleProblems({ title: '新标题', slug: 'new-one', category: 'lease' }, existing, ['leasing'])[0]).toMatch(/可选：leasing/);
    expect(newArticleProblems({ title: '新标题', slug: 'new-one', category: 'leasing' }, existing, ['leasing'])).toEqual([]);
  });
});

describe('articleTemplate', () => {
  it('is a valid draft that the linter rejects until the placeholders are replaced', () => {
    const text = articleTemplate({ title: '租机押金多久能退', slug: 'lease-deposit', category: 'leasing' }, '2026-11-27');
    const problems = lintContent({ files: [{ file: 'n.mdx', source: text }], categories: ['leasing'], categoryFile: 'c.yaml', today: new Date('2026-11-27') });
    const errors = problems.filter((p) => p.severity === 'error');
    expect(new Set(errors.map((p) => p.rule))).toEqual(new Set(['placeholder']));
    expect(errors.map((p) => p.line)).toContain(4); // the description
    expect(text).toContain('draft: true');
    expect(text).toContain('publishedAt: 2026-11-27');
  });
});

describe('labelTableCells', () => {
  it('labels each cell with its column for the phone layout', () => {
    const html = labelTableCells('<table><thead><tr><th>项目</th><th>分期</th></tr></thead><tbody><tr><td>所有权</td><td>归<strong>你</strong></td></tr></tbody></table>', '对比');
    expect(html).toContain('<td data-label="分期">归<strong>你</strong></td>');
    expect(html).toContain('<caption>对比</caption>');
    expect(html).toContain('<th>项目</th>');
    expect(html).not.toContain('role=');
  });
});

describe('searchRecords (search in npm run dev)', () => {
  it('indexes title, body text without markup, and FAQ, drafts included', () => {
    const source = `---\ntitle: "租机押金多久能退"\nslug: lease-deposit\ncategory: leasing\ndraft: true\nfaq:\n  - question: "押金能催吗？"\n    answer: "可以打 12315。"\n---\n\n## 退押金\n\n归还后**验机**无误就退。\n\n<Callout type="提示">\n保留[凭证](/articles/x/)。\n</Callout>\n`;
    const [record] = searchRecords([{ file: 'a.mdx', source }], lexiconOf(['租机', '押金']));
    expect(record).toMatchObject({ url: '/articles/lease-deposit/', meta: { title: '租机押金多久能退' } });
    // Cut into words, the site's own terms kept whole, punctuation set apart as a word of its own.
    expect(record!.content).toContain('租机 押金');
    expect(record!.content).toContain('归还 后 验 机 无误 就 退 。');
    expect(record!.content).toContain('保留 凭证 。');
    expect(record!.content).toContain('押金 能 催 吗 ？');
    expect(record!.content).not.toMatch(/[<>*#]/);
  });
});
