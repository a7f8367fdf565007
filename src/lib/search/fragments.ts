/**
 * After Pagefind has written its index: record, with the instant index, which Pagefind
 * page id belongs to which article. The browser can then merge Pagefind's
 * results with the instant layer by slug without downloading a fragment per result.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extraShards } from './shards.ts';
import type { DocChunk, PagefindDocIds, SplitHead, SuggestIndex } from './types.ts';

const SIGNATURE = 'pagefind_dcd';

/**
 * Pagefind page id → site path, from a written Pagefind folder. A fragment file is one
 * page (named by its id) or, on large sites, a group of pages keyed by id
 * (FRAGMENT_FILES_PER_SHARD in write-index.ts).
 */
export function fragmentUrls(pagefindDir: string): Map<string, string> {
  const dir = join(pagefindDir, 'fragment');
  const urls = new Map<string, string>();
  if (!existsSync(dir)) return urls;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.pf_fragment')) continue;
    const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    const json = JSON.parse(text.startsWith(SIGNATURE) ? text.slice(SIGNATURE.length) : text) as { url: string } | Record<string, { url: string }>;
    if (typeof json.url === 'string') urls.set(name.replace(/\.pf_fragment$/, ''), json.url);
    else for (const [id, page] of Object.entries(json as Record<string, { url: string }>)) urls.set(id, page.url);
  }
  return urls;
}

/**
 * Records the Pagefind ids (and shard names) in a built site's instant index; returns how
 * many articles got an id. A whole index (SuggestIndex) gets them in suggest.json; a split
 * one (SplitHead) gets the shard names in its head and the ids, by article number, in
 * /search/pagefind-ids.json (its article chunks give the numbers).
 */
export function attachFragmentIds(siteDir: string): number {
  const indexFile = join(siteDir, 'search', 'suggest.json');
  if (!existsSync(indexFile)) return 0;
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as SuggestIndex | SplitHead;
  const slugs = index.v === 2 ? Array.from({ length: Math.ceil(index.cat.length / index.chunk) }, (_, n) => JSON.parse(readFileSync(join(siteDir, 'search', 'docs', `${n}.json`), 'utf8')) as DocChunk).flat().map(([slug]) => slug) : index.docs.map((d) => d.s);
  const numberByUrl = new Map(slugs.map((slug, i) => [`/articles/${slug}/`, i]));
  const ids: Record<string, number> = {};
  for (const [id, url] of fragmentUrls(join(siteDir, 'pagefind'))) {
    const number = numberByUrl.get(url);
    if (number !== undefined) ids[id] = number;
  }
  const entryFile = join(siteDir, 'pagefind', 'pagefind-entry.json');
  const shards = existsSync(entryFile) ? extraShards((JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, unknown> }).languages) : [];
  if (shards.length) index.pagefindShards = shards;
  if (index.v === 2) writeFileSync(join(siteDir, 'search', 'pagefind-ids.json'), JSON.stringify(ids satisfies PagefindDocIds));
  else index.pagefindIds = Object.fromEntries(Object.entries(ids).map(([id, n]) => [id, slugs[n]!]));
  writeFileSync(indexFile, JSON.stringify(index));
  return Object.keys(ids).length;
}
