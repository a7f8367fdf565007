/**
 * Search-engine facts the pages and tests share: absolute URLs, the publisher, the
 * social image of a page, and Baidu's limits.
 */
import { LOGO_PATH, LOGO_SIZE, OG_HEIGHT, OG_WIDTH } from './og-image-paths.ts';
import { RULES } from './article-rules.ts';
import type { ImageData, OrganizationData } from './structured-data.ts';

/** Absolute URL of a site path on the deployed site (`site` is SITE.url, no trailing slash). */
export const absoluteUrl = (site: string, path: string) => new URL(path, site + '/').href;

/** The editorial team, publisher and author of every page, with its logo. */
export function publisher(site: string, name: string): OrganizationData {
  return { name, url: absoluteUrl(site, '/'), logo: { url: absoluteUrl(site, LOGO_PATH), width: LOGO_SIZE, height: LOGO_SIZE } };
}

export const socialImage = (site: string, path: string): ImageData => ({ url: absoluteUrl(site, path), width: OG_WIDTH, height: OG_HEIGHT });

export const BAIDU = {
  /**
   * Meta description length in characters. Baidu's 基础信息设置规范 asks for a summary
   * of "about 50 characters" and its results show roughly 80–120 before cutting; the
   * content guide's range (50–120) is the one editors already follow, so it is reused.
   */
  descriptionChars: RULES.descriptionChars,
  /** Baidu reads at most 256 bytes of a sitemap <loc>. */
  maxLocBytes: 256,
  /** URLs per sitemap file (the sitemaps.org limit Baidu applies). */
  maxUrlsPerSitemap: 50_000,
} as const;

/**
 * A category page's meta description: the category's one-line summary is short of
 * Baidu's preferred length, so it says how many articles the page lists as well.
 */
export function categoryDescription(summary: string, articleCount: number): string {
  return `${summary.replace(/[。.]$/, '')}。本分类共 ${articleCount} 篇文章，按建议的阅读顺序排列，每篇开头先给出答案。`;
}
