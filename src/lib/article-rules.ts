/**
 * The content guide's rules for a published article, as data the tests and the editor
 * tools share: each rule measures one thing and says what is allowed.
 */
import { articleLinks, countHanChars, h2Headings } from './article-text.ts';

export const RULES = {
  bodyHanChars: { min: 1200, max: 3000 },
  sections: { min: 3, max: 6 },
  faqItems: { min: 3, max: 5 },
  descriptionChars: { min: 50, max: 120 },
  distinctArticleLinks: { min: 3 },
  /**
   * Highest allowed Jaccard similarity of 5-character shingles between two bodies.
   * Distinct articles on the same narrow topic measured at most ~0.05 here; a rewrite
   * that keeps most sentences and swaps names or numbers scores far above 0.3 (see the
   * unit test). 0.15 leaves room for shared legal phrases without letting rewrites pass.
   */
  maxSimilarity: 0.15,
} as const;

export interface ArticleMeasures {
  bodyHanChars: number;
  sections: number;
  faqItems: number;
  descriptionChars: number;
  distinctArticleLinks: number;
}

export function measureArticle(slug: string, body: string, description: string, faqItems: number): ArticleMeasures {
  return {
    bodyHanChars: countHanChars(body),
    sections: h2Headings(body).length,
    faqItems,
    descriptionChars: [...description].length,
    distinctArticleLinks: new Set(articleLinks(body).map((l) => l.slug).filter((s) => s !== slug)).size,
  };
}

/** Human-readable rule violations of one article's measures (empty when it passes). */
export function ruleViolations(m: ArticleMeasures): string[] {
  const out: string[] = [];
  const range = (value: number, rule: { min: number; max: number }, what: string) => {
    if (value < rule.min || value > rule.max) out.push(`${what}：${value}（应为 ${rule.min}–${rule.max}）`);
  };
  range(m.bodyHanChars, RULES.bodyHanChars, '正文汉字数');
  range(m.sections, RULES.sections, '## 小节数');
  range(m.faqItems, RULES.faqItems, 'FAQ 条数');
  range(m.descriptionChars, RULES.descriptionChars, 'description 字数');
  if (m.distinctArticleLinks < RULES.distinctArticleLinks.min) out.push(`链接到其他文章 ${m.distinctArticleLinks} 篇（至少 ${RULES.distinctArticleLinks.min} 篇）`);
  return out;
}
