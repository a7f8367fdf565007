/** One RSS feed per category, newest first, for readers who follow a single topic. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog, type Category } from '../../../data/catalog.ts';
import { FEED_LIMIT, feedItem } from '../../../lib/seo-feed.ts';
import { categoryDescription } from '../../../lib/seo.ts';
import { SITE } from '../../../lib/site.ts';

export const getStaticPaths = (async () => {
  const { categories } = await getCatalog();
  return categories.map((category) => ({ params: { category: category.slug }, props: { category } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { category } = props as { category: Category };
  const { latest } = await getCatalog();
  const articles = latest.filter((a) => a.data.category === category.slug);
  return rss({
    title: `${category.name} - ${SITE.name}`,
    description: categoryDescription(category.description, articles.length),
    site: SITE.url,
    customData: '<language>zh-CN</language>',
    items: articles.slice(0, FEED_LIMIT).map((a) => feedItem({ ...a.data, slug: a.id, categoryName: category.name })),
  });
};
