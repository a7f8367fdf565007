// @ts-check
import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import YAML from 'yaml';
import { contentDir } from './src/lib/content-dir.ts';
import { splitFrontmatter } from './src/lib/frontmatter.ts';
import { SITE } from './src/lib/site.ts';

/** Last-modified day of every article page, for the sitemap's <lastmod>. */
function articleLastModified() {
  const dates = new Map();
  const dir = `${contentDir}/articles`;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.mdx')) continue;
    const split = splitFrontmatter(readFileSync(`${dir}/${name}`, 'utf8'));
    let data;
    try {
      data = split && YAML.parse(split.yaml);
    } catch {
      continue; // the content schema reports the broken file with a clear message
    }
    const day = data?.updatedAt ?? data?.publishedAt;
    if (typeof data?.slug === 'string' && day) dates.set(`${SITE.url}/articles/${data.slug}/`, new Date(day));
  }
  return dates;
}
const lastModified = articleLastModified();

export default defineConfig({
  site: SITE.url,
  trailingSlash: 'always',
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  // Two articles with the same slug are an error, not a warning.
  prerenderConflictBehavior: 'error',
  integrations: [
    mdx(),
    sitemap({
      filter: (page) => !page.includes('/search/') && !page.endsWith('/404/'),
      serialize(item) {
        const day = lastModified.get(item.url);
        return day ? { ...item, lastmod: day.toISOString() } : item;
      },
    }),
  ],
  devToolbar: { enabled: false },
});
