/** /search/suggest.json: the instant search index (titles, aliases, pinyin, synonyms). */
import type { APIRoute } from 'astro';
import { articleBody } from '../../data/article-body.ts';
import { getCatalog } from '../../data/catalog.ts';
import { h2Headings } from '../../lib/article-text.ts';
import { contentDir } from '../../lib/content-dir.ts';
import { buildSuggestIndex } from '../../lib/search/build-index.ts';
import { loadSearchData } from '../../lib/search/load-data.ts';

export const GET: APIRoute = async () => {
  const { articles, categories } = await getCatalog();
  const data = loadSearchData(contentDir, new Set(articles.map((a) => a.id)));
  const index = buildSuggestIndex({
    articles: articles.map((a) => ({
      slug: a.id,
      title: a.data.title,
      category: a.data.category,
      description: a.data.description,
      tags: a.data.tags,
      faqQuestions: a.data.faq.map((f) => f.question),
      headings: h2Headings(articleBody(a)),
    })),
    categories,
    ...data,
  });
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
