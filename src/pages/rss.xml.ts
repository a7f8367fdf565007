import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCatalog } from '../data/catalog.ts';
import { SITE } from '../lib/site.ts';
import { articlePath } from '../lib/slug.ts';

export const GET: APIRoute = async () => {
  const { latest, categoryBySlug } = await getCatalog();
  return rss({
    title: SITE.name,
    description: SITE.description,
    site: SITE.url,
    customData: '<language>zh-CN</language>',
    items: latest.slice(0, 50).map((a) => ({
      title: a.data.title,
      description: a.data.description,
      link: articlePath(a.id),
      pubDate: a.data.publishedAt,
      categories: [categoryBySlug.get(a.data.category)!.name, ...a.data.tags],
    })),
  });
};
