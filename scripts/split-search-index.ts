/**
 * Splits a built site's instant search index (src/lib/search/split-index.ts) when it has
 * more than SPLIT_ABOVE articles (SEARCH_SPLIT_ABOVE overrides it, so tests can split a
 * small site). scripts/build.ts runs it in a process of its own as soon as Astro has
 * written /search/suggest.json, beside Pagefind's last shards: at 10,000 articles it
 * takes about 5 s and 0.5 GB.
 *
 * Usage: node scripts/split-search-index.ts <site folder>
 */
import { splitSiteIndex, splitThreshold } from '../src/lib/search/split-index.ts';

const siteDir = process.argv[2];
if (!siteDir) {
  console.error('用法：node scripts/split-search-index.ts <站点目录>');
  process.exit(2);
}
splitSiteIndex(siteDir, splitThreshold(process.env));
