/**
 * prepareIndexInSlices (src/lib/search/rank.ts), which the browser uses so preparing the
 * instant index never blocks a phone's main thread for long: on the site's real articles
 * and search data it must give exactly what prepareIndex gives, pausing between slices.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { h2Headings } from '../../src/lib/article-text.ts';
import { isProblem, parseArticle, type ParsedArticle } from '../../src/lib/content-checks.ts';
import { buildSuggestIndex } from '../../src/lib/search/build-index.ts';
import { loadSearchData } from '../../src/lib/search/load-data.ts';
import { analyzeQuery } from '../../src/lib/search/query.ts';
import { prepareIndex, prepareIndexInSlices, scoreLocal } from '../../src/lib/search/rank.ts';

const dir = 'content/articles';
const articles = readdirSync(dir)
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .map((f) => parseArticle({ file: join(dir, f), source: readFileSync(join(dir, f), 'utf8') }))
  .filter((a): a is ParsedArticle => !isProblem(a) && a.data.draft !== true);
const categories = YAML.parse(readFileSync('content/categories.yaml', 'utf8')) as { slug: string; name: string }[];
const suggest = buildSuggestIndex({
  articles: articles.map((a) => ({
    slug: String(a.data.slug),
    title: String(a.data.title),
    category: String(a.data.category),
    description: String(a.data.description),
    tags: (a.data.tags as string[] | undefined) ?? [],
    faqQuestions: ((a.data.faq as { question: string }[] | undefined) ?? []).map((f) => f.question),
    headings: h2Headings(a.body),
  })),
  categories,
  ...loadSearchData('content', new Set(articles.map((a) => String(a.data.slug)))),
});

describe('prepareIndexInSlices', () => {
  it('prepares the real index exactly as prepareIndex does, pausing between slices of 20 articles', async () => {
    expect(suggest.docs.length).toBeGreaterThan(100);
    let pauses = 0;
    const sliced = await prepareIndexInSlices(suggest, async () => void pauses++);
    const whole = prepareIndex(suggest);
    expect(pauses).toBe(Math.ceil(suggest.docs.length / 20));
    expect(sliced.docs).toEqual(whole.docs);
    expect([...sliced.bySlug.keys()]).toEqual([...whole.bySlug.keys()]);
    expect(sliced.context).toEqual(whole.context);
    expect(sliced.featured).toEqual(whole.featured);
    expect(sliced.lexicon).toEqual(whole.lexicon);
    for (const query of ['租机', '分期', '芝麻分', '手机被锁', 'zuji']) {
      expect(scoreLocal(sliced, analyzeQuery(query, sliced.context))).toEqual(scoreLocal(whole, analyzeQuery(query, whole.context)));
    }
  });
});
