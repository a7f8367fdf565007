/**
 * Writes the Pagefind bundle (/pagefind/) from article records, in shards. Pagefind holds
 * every page's words in memory until it writes, and writing takes about 0.6 MB per page
 * at its peak, so a large site is indexed SHARD_SIZE pages at a time: the build gives
 * each shard a process of its own (scripts/index-shard.ts, one or two at a time), `npm
 * run dev` indexes them one after another (writeFullTextIndex). The shards then become
 * one folder that shares the script, the WASM and the fragment folder (mergeShards);
 * pagefind-entry.json lists them as index "languages" (the first under zh-cn, the pages'
 * own language), and the browser merges the others into its search
 * (src/scripts/search-engine.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { CustomRecord } from 'pagefind';
import { shardLanguage } from './shards.ts';

/**
 * Pages per shard; SEARCH_SHARD_SIZE overrides it so tests can build a sharded index from
 * a few articles. 2,000 pages peak at about 1.3 GB in Pagefind: two shards at once, once
 * Astro has finished, stay near Astro's own peak.
 */
export const SHARD_SIZE = Number(process.env.SEARCH_SHARD_SIZE) || 2000;
/**
 * Fragment files per shard at most. A fragment (a page's text, for excerpts) is a file
 * per page; past this, Pagefind bundles several pages' fragments into one file (a
 * search then downloads a group, about twice the bytes). At 10,000 articles one file
 * per page would take the site, with its 10,000 pages, past the 20,000 files a static
 * host such as Cloudflare Pages accepts; half as many keeps it near 19,000. Sites up to
 * 1,000 articles keep a file per page. SEARCH_FRAGMENT_FILES overrides it for tests.
 */
export const FRAGMENT_FILES_PER_SHARD = Number(process.env.SEARCH_FRAGMENT_FILES) || 1000;

/**
 * Pagefind's index chunk size, set through its PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE (20,000
 * by default; the unit is Pagefind's own). A search downloads the chunk that holds each
 * word it looks up: about 30 KB a word at the default, most of this site's full-text
 * first search (216 KB, of which 85 KB were chunks). Chunks of 1,500 are a few KB each
 * (first search 144 KB) but about eight times as many files, which sites up to
 * SMALL_CHUNKS_UP_TO articles can afford; a 10,000-article site would pass the
 * 20,000-file limit of static hosts, and keeps the default.
 */
export const SMALL_CHUNK_SIZE = 1500;
export const SMALL_CHUNKS_UP_TO = 1000;
export function indexChunkSize(articles: number): number | undefined {
  return articles <= SMALL_CHUNKS_UP_TO ? SMALL_CHUNK_SIZE : undefined;
}

/** The Pagefind process reads its chunk size from the environment it inherits (the Node API has no option for it). */
export function chunkSizeEnv(env: NodeJS.ProcessEnv, chunkSize: number | undefined): NodeJS.ProcessEnv {
  const { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: _default, ...rest } = env;
  return chunkSize ? { ...rest, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(chunkSize) } : rest;
}

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  include_characters?: string[];
}

/**
 * Indexes one shard's records (as they come) with a Pagefind process of its own and
 * writes them to outputPath; the process ends when it is done, returning its memory.
 */
export async function indexShard(
  records: Iterable<CustomRecord> | AsyncIterable<CustomRecord>,
  outputPath: string,
): Promise<{ pages: number; errors: string[] }> {
  const created = await pagefind.createIndex({ maxFragments: FRAGMENT_FILES_PER_SHARD });
  const index = created.index;
  if (!index) return { pages: 0, errors: created.errors };
  const errors: string[] = [];
  let pages = 0;
  try {
    // A few records in flight keep the Pagefind process busy without queueing them all.
    const inFlight = new Set<Promise<void>>();
    for await (const record of records) {
      const task: Promise<void> = index.addCustomRecord(record).then((r) => {
        errors.push(...r.errors);
        inFlight.delete(task);
      });
      inFlight.add(task);
      if (inFlight.size >= 16) await Promise.race(inFlight);
      pages++;
      if (errors.length) break;
    }
    await Promise.all(inFlight);
    if (!errors.length) errors.push(...(await index.writeFiles({ outputPath })).errors);
  } finally {
    await pagefind.close();
  }
  return { pages, errors };
}

/**
 * Turns the written shards (folders, in order) into one Pagefind bundle at outputPath:
 * shard 0 is the bundle; the others add their word index, metadata and fragments.
 * Returns how many pages the bundle indexes.
 */
export function mergeShards(shardDirs: readonly string[], outputPath: string): number {
  rmSync(outputPath, { recursive: true, force: true });
  renameSync(shardDirs[0]!, outputPath);
  const entryFile = join(outputPath, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as Entry;
  const languages: Entry['languages'] = {};
  const add = (shard: number, from: Entry) => {
    const [only, ...rest] = Object.values(from.languages);
    if (!only || rest.length) throw new Error(`Pagefind 分片 ${shard} 应当正好有一个索引`);
    languages[shardLanguage(shard)] = only;
  };
  add(0, entry);
  shardDirs.slice(1).forEach((dir, i) => {
    add(i + 1, JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as Entry);
    for (const sub of ['index', 'fragment', 'filter']) {
      if (!existsSync(join(dir, sub))) continue;
      mkdirSync(join(outputPath, sub), { recursive: true });
      for (const name of readdirSync(join(dir, sub))) renameSync(join(dir, sub, name), join(outputPath, sub, name));
    }
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.pf_meta'))) renameSync(join(dir, name), join(outputPath, name));
    rmSync(dir, { recursive: true, force: true });
  });
  writeFileSync(entryFile, JSON.stringify({ ...entry, languages }));
  return Object.values(languages).reduce((pages, language) => pages + language.page_count, 0);
}

/**
 * The whole index in this process, one shard after another (`npm run dev`), with index
 * chunks of `chunkSize` (indexChunkSize).
 */
export async function writeFullTextIndex(
  records: readonly CustomRecord[],
  outputPath: string,
  options: { chunkSize?: number } = {},
): Promise<{ pages: number; shards: number; errors: string[] }> {
  if (records.length === 0) return { pages: 0, shards: 0, errors: ['没有可以编入搜索索引的文章'] };
  const previous = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  if (options.chunkSize) process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(options.chunkSize);
  else delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  const work = `${outputPath}.shards`;
  rmSync(work, { recursive: true, force: true });
  const shardDirs: string[] = [];
  try {
    for (let start = 0; start < records.length; start += SHARD_SIZE) {
      const dir = join(work, String(shardDirs.length));
      shardDirs.push(dir);
      const written = await indexShard(records.slice(start, start + SHARD_SIZE), dir);
      if (written.errors.length) return { pages: 0, shards: shardDirs.length, errors: written.errors };
    }
    mergeShards(shardDirs, outputPath);
    return { pages: records.length, shards: shardDirs.length, errors: [] };
  } finally {
    if (previous === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    else process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = previous;
    rmSync(work, { recursive: true, force: true });
  }
}
