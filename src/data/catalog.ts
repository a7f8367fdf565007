/**
 * Everything pages need about the collection, computed once per build: published
 * articles, categories in order, per-category article lists, tags, related articles
 * and previous/next. Pages look things up here instead of scanning the collection.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { proseOf } from '../lib/article-text.ts';
import { articleBody } from './article-body.ts';
import { neighbours, planOrder } from '../lib/ordering.ts';
import { computeRelated } from '../lib/related.ts';
import { readRelatedFile } from '../lib/related-file.ts';
import { toSlug } from '../lib/slug.ts';

export type Article = CollectionEntry<'articles'>;
export type Category = CollectionEntry<'categories'>['data'];

export interface Tag {
  name: string;
  slug: string;
  articles: Article[];
}

export interface Catalog {
  articles: Article[];
  bySlug: Map<string, Article>;
  categories: Category[];
  categoryBySlug: Map<string, Category>;
  articlesByCategory: Map<string, Article[]>;
  tags: Tag[];
  related: Map<string, Article[]>;
  neighbours: Map<string, { previous?: Article; next?: Article }>;
  latest: Article[];
}

/** Drafts appear in `astro dev` only, never in a build. */
const isVisible = (article: Article) => import.meta.env.DEV || !article.data.draft;

async function buildCatalog(): Promise<Catalog> {
  const [entries, categoryEntries, planEntries] = await Promise.all([
    getCollection('articles'),
    getCollection('categories'),
    getCollection('plan'),
  ]);
  const articles = entries.filter(isVisible);
  const positions = new Map(planEntries.map((p) => [p.id, p.data.position]));
  const categories = categoryEntries.map((c) => c.data).sort((a, b) => a.order - b.order);
  const categoryBySlug = new Map(categories.map((c) => [c.slug, c]));

  const articlesByCategory = new Map<string, Article[]>(categories.map((c) => [c.slug, []]));
  for (const article of articles) articlesByCategory.get(article.data.category)!.push(article);
  const allNeighbours = new Map<string, { previous?: Article; next?: Article }>();
  for (const [slug, list] of articlesByCategory) {
    const ordered = planOrder(list, (a) => ({ slug: a.id, publishedAt: a.data.publishedAt }), positions);
    articlesByCategory.set(slug, ordered);
    for (const [id, pair] of neighbours(ordered, (a) => a.id)) allNeighbours.set(id, pair);
  }

  const tagMap = new Map<string, Tag>();
  for (const article of articles) {
    for (const name of article.data.tags) {
      let tag = tagMap.get(name);
      if (!tag) tagMap.set(name, (tag = { name, slug: toSlug(name), articles: [] }));
      tag.articles.push(article);
    }
  }
  const tags = [...tagMap.values()].sort((a, b) => b.articles.length - a.articles.length || a.slug.localeCompare(b.slug));
  const tagSlugs = new Map<string, string>();
  for (const tag of tags) {
    const clash = tagSlugs.get(tag.slug);
    if (clash) throw new Error(`标签“${tag.name}”和“${clash}”的网址相同（/tags/${tag.slug}/）：请把其中一个标签改成另一个的写法或换一个词。`);
    tagSlugs.set(tag.slug, tag.name);
  }

  const bySlug = new Map(articles.map((a) => [a.id, a]));
  // scripts/build.ts computes these beside Astro and names the file; elsewhere they are computed here.
  const relatedFile = process.env.RELATED_FILE;
  const relatedSlugs = relatedFile
    ? await readRelatedFile(relatedFile)
    : computeRelated(articles.map((a) => ({ slug: a.id, category: a.data.category, tags: a.data.tags, title: a.data.title, text: proseOf(articleBody(a)) })));
  const related = new Map([...relatedSlugs].map(([slug, list]) => [slug, list.map((s) => bySlug.get(s)!)]));
  const latest = [...articles].sort(
    (a, b) => (b.data.updatedAt ?? b.data.publishedAt).getTime() - (a.data.updatedAt ?? a.data.publishedAt).getTime() || a.id.localeCompare(b.id),
  );

  return { articles, bySlug, categories, categoryBySlug, articlesByCategory, tags, related, neighbours: allNeighbours, latest };
}

let cached: Promise<Catalog> | undefined;

export function getCatalog(): Promise<Catalog> {
  cached ??= buildCatalog();
  return cached;
}
