import { describe, expect, it } from 'vitest';
import { articleLinks, countHanChars, h2Headings, jaccard, proseOf, shingles } from '../../src/lib/article-text.ts';

describe('countHanChars', () => {
  it('counts Chinese characters only', () => {
    expect(countHanChars('分期购买 iPhone 13，月供 536 元。')).toBe(7);
    expect(countHanChars('')).toBe(0);
  });
});

describe('h2Headings', () => {
  it('finds ## headings but not ### or #', () => {
    const body = '# 标题\n## 第一节\n### 小节\n## 第二节 ##\n正文 ## 不是标题';
    expect(h2Headings(body)).toEqual(['第一节', '第二节']);
  });
});

describe('articleLinks', () => {
  it('finds links to articles with line numbers and decoded anchors', () => {
    const body = '先看[条件](/articles/installment-eligibility/)。\n\n再看[押金](/articles/lease-deposit/#%E6%8A%BC%E9%87%91)和[外链](https://example.com/)。';
    expect(articleLinks(body)).toEqual([
      { slug: 'installment-eligibility', anchor: undefined, line: 1 },
      { slug: 'lease-deposit', anchor: '押金', line: 3 },
    ]);
  });
});

describe('similarity', () => {
  it('is 1 for identical prose, 0 for unrelated and symmetric', () => {
    const a = shingles(proseOf('分期购买手机要看清实际年化利率和提前还款条款。'));
    const b = shingles(proseOf('租机到期后可以选择归还、续租或者买断设备。'));
    expect(jaccard(a, a)).toBe(1);
    expect(jaccard(a, b)).toBe(0);
    expect(jaccard(a, b)).toBe(jaccard(b, a));
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
  it('ignores markup and link targets', () => {
    expect(proseOf('## 标题\n- [文字](/articles/x/)')).toBe('标题文字');
  });
});
