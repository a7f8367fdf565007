/**
 * The site's articles against the plan and the content guide: every planned title exists
 * with its category and slug, every published article meets the length, structure, FAQ,
 * description and linking rules, and no two articles read as rewrites of each other.
 */
import { describe, expect, it } from 'vitest';
import { proseOf, jaccard, shingles } from '../../src/lib/article-text.ts';
import { measureArticle, ruleViolations, RULES } from '../../src/lib/article-rules.ts';
import { readArticles, readPlan } from '../support/content.ts';

const articles = readArticles().filter((a) => a.data.draft !== true);
const plan = readPlan();
const byTitle = new Map(articles.map((a) => [a.data.title, a]));

describe('every planned article exists', () => {
  it.each(plan.map((p) => [p.category, p.title, p]))('%s: %s', (_category, _title, planned) => {
    const article = byTitle.get(planned.title);
    expect(article, `没有标题为“${planned.title}”的文章（应在 content/articles/${planned.slug}.mdx）`).toBeDefined();
    expect(article!.data.category).toBe(planned.category);
    expect(article!.data.slug).toBe(planned.slug);
  });
});

describe('every article meets the content rules', () => {
  it.each(articles.map((a) => [a.file, a]))('%s', (_file, article) => {
    const m = measureArticle(String(article.data.slug), article.body, String(article.data.description ?? ''), Array.isArray(article.data.faq) ? article.data.faq.length : 0);
    expect(ruleViolations(m)).toEqual([]);
  });
});

describe('no two articles read as rewrites of each other', () => {
  it(`every pair of bodies has 5-character shingle Jaccard similarity at most ${RULES.maxSimilarity}`, () => {
    const sets = articles.map((a) => ({ file: a.file, set: shingles(proseOf(a.body)) }));
    const tooSimilar: string[] = [];
    for (let i = 0; i < sets.length; i++) {
      for (let j = i + 1; j < sets.length; j++) {
        const score = jaccard(sets[i]!.set, sets[j]!.set);
        if (score > RULES.maxSimilarity) tooSimilar.push(`${sets[i]!.file} ~ ${sets[j]!.file}: ${score.toFixed(3)}`);
      }
    }
    expect(tooSimilar).toEqual([]);
  });
});

describe('the seed article', () => {
  it('keeps its original publish date and links to each cause and the coping guide', () => {
    const hub = articles.find((a) => a.data.slug === 'xiaomi-installment-paused-reasons')!;
    expect(String(hub.data.publishedAt)).toBe('2024-05-31');
    for (const slug of ['installment-paused-maintenance', 'installment-paused-funding-partner', 'installment-paused-regulation', 'installment-paused-outage-security', 'installment-paused-what-to-do']) {
      expect(hub.body).toContain(`](/articles/${slug}/`);
    }
  });
});
