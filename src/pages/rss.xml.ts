import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCatalog } from '../data/catalog.ts';
import { FEED_LIMIT, feedItem } from '../lib/seo-feed.ts';
import { SITE } from '../lib/site.ts';

export const GET: APIRoute = async () => {
  const { latest, categoryBySlug } = await getCatalog();
  return rss({
    title: SITE.name,
    description: SITE.description,
    site: SITE.url,
    customData: '<language>zh-CN</language>',
    items: latest.slice(0, FEED_LIMIT).map((a) =>
      feedItem({ ...a.data, slug: a.id, categoryName: categoryBySlug.get(a.data.category)!.name }),
    ),
  });
};
