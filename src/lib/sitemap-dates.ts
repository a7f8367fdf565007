/**
 * The last-modified day of every article page, for the sitemap's <lastmod>.
 *
 * The build's content pass has every article's frontmatter parsed already and hands the
 * days to Astro through a file (ARTICLE_DATES_FILE), read when the sitemap is written.
 * Reading them from the sources instead took Astro 5 s of its start-up at 10,000 articles
 * (10,000 files read in full); that remains the way without the file (a bare `astro build`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listArticleFiles } from './article-loader.ts';
import { splitFrontmatter, topLevelFields } from './frontmatter.ts';
import { readHandoffFile, writeHandoffFile } from './handoff-file.ts';

/** An article's frontmatter as far as its dates go (YAML dates, or strings as written). */
export interface DatedArticle {
  slug?: unknown;
  publishedAt?: unknown;
  updatedAt?: unknown;
}

/** Slug → last-modified day (updatedAt, else publishedAt); articles without a slug or a day are left out. */
export function articleDays(articles: Iterable<DatedArticle>): Map<string, Date> {
  const days = new Map<string, Date>();
  for (const { slug, publishedAt, updatedAt } of articles) {
    const day = updatedAt ?? publishedAt;
    if (typeof slug === 'string' && (typeof day === 'string' || day instanceof Date)) days.set(slug, new Date(day));
  }
  return days;
}

/** From the sources, the files the articles loader reads: only the top-level slug and date lines are parsed. */
export function scanArticleDays(contentDir: string): Map<string, Date> {
  const dir = join(contentDir, 'articles');
  function* dated(): Generator<DatedArticle> {
    for (const name of listArticleFiles(dir)) {
      const split = splitFrontmatter(readFileSync(join(dir, name), 'utf8'));
      // The content schema reports a broken file with a clear message; here it is skipped.
      if (split) yield topLevelFields(split.yaml, ['slug', 'publishedAt', 'updatedAt']);
    }
  }
  return articleDays(dated());
}

export function writeArticleDays(path: string, days: ReadonlyMap<string, Date>): void {
  writeHandoffFile(path, Object.fromEntries([...days].map(([slug, day]) => [slug, day.toISOString()])));
}

export async function readArticleDays(path: string): Promise<Map<string, Date>> {
  const days = (await readHandoffFile(path, '文章日期')) as Record<string, string>;
  return new Map(Object.entries(days).map(([slug, day]) => [slug, new Date(day)]));
}
