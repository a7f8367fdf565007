// @ts-check
import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { contentDir } from './src/lib/content-dir.ts';
import { splitFrontmatter, topLevelFields } from './src/lib/frontmatter.ts';
import { SITE } from './src/lib/site.ts';
import { astroRedirects } from './src/lib/redirects.ts';
import { redirectsForBuild, redirectsIntegration } from './src/lib/redirects-integration.ts';
import { articleMarkdownProcessor } from './src/lib/article-markdown.ts';
import { astroCsp } from './src/lib/security.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { devSearch } from './src/integrations/dev-search.ts';
import { devContentModules } from './src/integrations/dev-content-modules.ts';

/** Last-modified day of every article page, for the sitemap's <lastmod>. */
function articleLastModified() {
  const dates = new Map();
  const dir = `${contentDir}/articles`;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.mdx')) continue;
    const split = splitFrontmatter(readFileSync(`${dir}/${name}`, 'utf8'));
    // The content schema reports a broken file with a clear message; here it is skipped.
    const data = split && topLevelFields(split.yaml, ['slug', 'publishedAt', 'updatedAt']);
    const day = data?.updatedAt ?? data?.publishedAt;
    if (typeof data?.slug === 'string' && (typeof day === 'string' || day instanceof Date)) dates.set(`${SITE.url}/articles/${data.slug}/`, new Date(day));
  }
  return dates;
}
const lastModified = articleLastModified();
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
      serialize(item) {
        const day = lastModified.get(item.url);
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
