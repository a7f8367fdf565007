/**
 * RSS items, the same for the site feed and the per-category feeds, so a reader who
 * follows one category sees exactly what the site feed says about those articles.
 */
import { articlePath } from './slug.ts';

/** The most items a feed carries: readers poll it, so it stays small. */
export const FEED_LIMIT = 50;

export interface FeedArticle {
  slug: string;
  title: string;
  description: string;
  publishedAt: Date;
  categoryName: string;
  tags: readonly string[];
}

export interface FeedItem {
  title: string;
  description: string;
  link: string;
  pubDate: Date;
  categories: string[];
}

export const feedItem = (a: FeedArticle): FeedItem => ({
  title: a.title,
  description: a.description,
  link: articlePath(a.slug),
  pubDate: a.publishedAt,
  categories: [a.categoryName, ...a.tags],
});

/** Site path of a category's feed: next to its page, /categories/<slug>/rss.xml. */
export const categoryFeedPath = (categorySlug: string) => `/categories/${categorySlug}/rss.xml`;
