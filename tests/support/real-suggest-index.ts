/**
 * The site's instant search index built in memory from content/ by the same code as the
 * build's /search/suggest.json, for unit tests that need real articles without a build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { h2Headings } from '../../src/lib/article-text.ts';
import { isProblem, parseArticle, type ParsedArticle } from '../../src/lib/content-checks.ts';
import { buildSuggestIndex } from '../../src/lib/search/build-index.ts';
import { loadSearchData } from '../../src/lib/search/load-data.ts';
import type { SuggestIndex } from '../../src/lib/search/types.ts';

export function realSuggestIndex(contentDir = 'content'): SuggestIndex {
  const dir = join(contentDir, 'articles');
  const articles = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => parseArticle({ file: join(dir, f), source: readFileSync(join(dir, f), 'utf8') }))
    .filter((a): a is ParsedArticle => !isProblem(a) && a.data.draft !== true);
  const categories = YAML.parse(readFileSync(join(contentDir, 'categories.yaml'), 'utf8')) as { slug: string; name: string }[];
  return buildSuggestIndex({
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
    ...loadSearchData(contentDir, new Set(articles.map((a) => String(a.data.slug)))),
  });
}
