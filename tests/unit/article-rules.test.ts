import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jaccard, proseOf, shingles } from '../../src/lib/article-text.ts';
import { measureArticle, ruleViolations, RULES } from '../../src/lib/article-rules.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';

describe('ruleViolations', () => {
  it('passes an article within every range', () => {
    expect(ruleViolations({ bodyHanChars: 1500, sections: 4, faqItems: 3, descriptionChars: 80, distinctArticleLinks: 3 })).toEqual([]);
  });
  it('names each rule that fails with the allowed range', () => {
    expect(ruleViolations({ bodyHanChars: 900, sections: 7, faqItems: 2, descriptionChars: 130, distinctArticleLinks: 1 })).toEqual([
      '正文汉字数：900（应为 1200–3000）',
      '## 小节数：7（应为 3–6）',
      'FAQ 条数：2（应为 3–5）',
      'description 字数：130（应为 50–120）',
      '链接到其他文章 1 篇（至少 3 篇）',
    ]);
  });
  it('counts distinct links to other articles only', () => {
    const body = '[a](/articles/x/) [b](/articles/x/#y) [c](/articles/self/) [d](https://example.com/)';
    expect(measureArticle('self', body, '', 0).distinctArticleLinks).toBe(1);
  });
});

describe('the similarity threshold catches rewrites', () => {
  it('a city page with the city swapped and numbers changed scores far above the limit', () => {
    const source = splitFrontmatter(readFileSync('content/articles/guiyang-installment-guide.mdx', 'utf8'))!.body;
    const rewrite = source.replaceAll('贵阳', '昆明').replace(/\d+/g, (n) => String(Number(n) + 1));
    const score = jaccard(shingles(proseOf(source)), shingles(proseOf(rewrite)));
    expect(score).toBeGreaterThan(2 * RULES.maxSimilarity);
  });
  it('a rewrite that keeps only every other paragraph still fails', () => {
    const source = splitFrontmatter(readFileSync('content/articles/lease-early-return.mdx', 'utf8'))!.body;
    const paragraphs = source.split('\n\n');
    const half = paragraphs.filter((_, i) => i % 2 === 0).join('\n\n') + '\n\n' + '这是新写的一段话，讲的是另外一件事情。'.repeat(20);
    expect(jaccard(shingles(proseOf(source)), shingles(proseOf(half)))).toBeGreaterThan(RULES.maxSimilarity);
  });
});
