// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { contentDir } from './src/lib/content-dir.ts';
import { readArticleDays, scanArticleDays } from './src/lib/sitemap-dates.ts';
import { SITE } from './src/lib/site.ts';
import { astroRedirects } from './src/lib/redirects.ts';
import { redirectsForBuild, redirectsIntegration } from './src/lib/redirects-integration.ts';
import { articleMarkdownProcessor } from './src/lib/article-markdown.ts';
import { astroCsp } from './src/lib/security.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { devSearch } from './src/integrations/dev-search.ts';
import { devContentModules } from './src/integrations/dev-content-modules.ts';

/**
 * Last-modified day of every article, by slug, for the sitemap: from the build's content
 * pass if it ran, else from the sources (src/lib/sitemap-dates.ts).
 * @type {Promise<Map<string, Date>> | undefined}
 */
let articleDaysLoaded;
const datesFile = process.env.ARTICLE_DATES_FILE;
const loadArticleDays = () => (articleDaysLoaded ??= datesFile ? readArticleDays(datesFile) : Promise.resolve(scanArticleDays(contentDir)));
// content/redirects.yaml, checked (targets exist, no chains or loops) before anything builds.
const redirects = redirectsForBuild(contentDir);
const redirectedPaths = new Set(Object.keys(astroRedirects(redirects)).map((path) => `${SITE.url}${path}`));

export default defineConfig({
  site: SITE.url,
  trailingSlash: 'always',
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  // Two articles with the same slug are an error, not a warning.
  prerenderConflictBehavior: 'error',
  redirects: astroRedirects(redirects),
  integrations: [
    mdx(),
    sitemap({
      filter: (page) => !page.includes('/search/') && !page.endsWith('/404/') && !redirectedPaths.has(page),
      async serialize(item) {
        const slug = item.url.startsWith(`${SITE.url}/articles/`) ? item.url.slice(`${SITE.url}/articles/`.length, -1) : undefined;
        const day = slug === undefined ? undefined : (await loadArticleDays()).get(slug);
        return day ? { ...item, lastmod: day.toISOString() } : item;
      },
    }),
    redirectsIntegration(redirects, contentDir),
    securityHeaders(),
    // npm run dev only: a Pagefind index of the article sources (drafts included) at /pagefind/.
    devSearch(contentDir),
    // npm run dev only: a build beside the dev server does not leave its article pages broken.
    devContentModules(),
  ],
  // Articles: links to other sites get rel="noopener noreferrer" (+ nofollow) and a visible mark.
  // Defined in src/lib/article-markdown.ts, which also renders the articles that need no MDX.
  markdown: { processor: articleMarkdownProcessor(SITE.url) },
  // Content Security Policy without 'unsafe-inline' (see src/lib/security.ts). Every
  // stylesheet stays a file so the policy (and the hosts' header) needs no style hashes.
  security: { csp: astroCsp() },
  build: { inlineStylesheets: 'never' },
  // Likewise every bundled script stays a file in /_astro/ (allowed by 'self'): Astro would
  // inline small ones, and an inline script needs its hash in every host's header.
  vite: { build: { assetsInlineLimit: (/** @type {string} */ file) => (file.endsWith('.js') ? false : undefined) } },
  devToolbar: { enabled: false },
});
