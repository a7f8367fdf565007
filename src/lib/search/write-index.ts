/**
 * Writes the Pagefind bundle (/pagefind/) from article records, in shards. Pagefind
 * holds every page's words in memory until it writes, about half a megabyte per page
 * at its peak; one Pagefind process per SHARD_SIZE pages, one after the other, keeps a
 * 10,000-article build's memory flat. The shards go into one folder that shares the
 * script, the WASM and the fragment folder; pagefind-entry.json lists them as index
 * "languages" (the first under zh-cn, the pages' own language), and the browser merges
 * the others into its search (src/scripts/search-engine.ts). Used by the build
 * (scripts/build.ts) and by `npm run dev` (src/integrations/dev-search.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { CustomRecord, PagefindIndex } from 'pagefind';
import { shardLanguage } from './shards.ts';

/** Pages per shard; SEARCH_SHARD_SIZE overrides it so tests can build a sharded index from a few articles. */
export const SHARD_SIZE = Number(process.env.SEARCH_SHARD_SIZE) || 2500;
/**
 * Fragment files per shard at most. A fragment (a page's text, for excerpts) is a file
 * per page; past this, Pagefind bundles several pages' fragments into one file (a
 * search then downloads a group, about twice the bytes). At 10,000 articles one file
 * per page would take the site, with its 10,000 pages, past the 20,000 files a static
 * host such as Cloudflare Pages accepts; half as many keeps it near 17,500. Sites under
 * 1,250 articles keep a file per page. SEARCH_FRAGMENT_FILES overrides it for tests.
 */
export const FRAGMENT_FILES_PER_SHARD = Number(process.env.SEARCH_FRAGMENT_FILES) || 1250;

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

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  include_characters?: string[];
}

/**
 * Indexes the records (as they come: the build makes them while Astro renders) and
 * writes the bundle to outputPath, with index chunks of `chunkSize` (indexChunkSize).
 */
export async function writeFullTextIndex(
  records: Iterable<CustomRecord> | AsyncIterable<CustomRecord>,
  outputPath: string,
  options: { chunkSize?: number } = {},
): Promise<{ pages: number; shards: number; errors: string[] }> {
  // The Pagefind process reads it from the environment it inherits (the Node API has no option for it).
  if (options.chunkSize) process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(options.chunkSize);
  else delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  const errors: string[] = [];
  const work = `${outputPath}.shards`;
  rmSync(work, { recursive: true, force: true });
  rmSync(outputPath, { recursive: true, force: true });
  let shards = 0;
  let pages = 0;
  let index: PagefindIndex | undefined;
  let inShard = 0;
  const source = Symbol.asyncIterator in records ? records[Symbol.asyncIterator]() : records[Symbol.iterator]();
  /** Records made while the previous shard was being written, waiting for the next shard. */
  const ready: CustomRecord[] = [];
  let exhausted = false;
  const pull = async (): Promise<CustomRecord | undefined> => {
    if (ready.length) return ready.shift();
    if (exhausted) return undefined;
    const next = await source.next();
    if (next.done) exhausted = true;
    return next.done ? undefined : next.value;
  };
  /**
   * While Pagefind writes a shard (its process busy, this one idle), the next shard's
   * records are made: cutting text into words is this process's share of the work.
   */
  const prepareWhile = async (busy: Promise<unknown>) => {
    let done = false;
    void busy.finally(() => (done = true)).catch(() => {});
    while (!done && !exhausted && ready.length < SHARD_SIZE) {
      const next = await source.next();
      if (next.done) exhausted = true;
      else ready.push(next.value);
    }
  };
  // A few records in flight keep the Pagefind process busy without queueing them all.
  const inFlight = new Set<Promise<void>>();
  const finishShard = async () => {
    await Promise.all(inFlight);
    const writing = index!.writeFiles({ outputPath: join(work, String(shards - 1)) });
    await prepareWhile(writing);
    const written = await writing;
    errors.push(...written.errors);
    // Ending the process returns its memory before the next shard starts.
    await pagefind.close();
    index = undefined;
  };
  for (let record = await pull(); record; record = await pull()) {
    if (!index) {
      const created = await pagefind.createIndex({ maxFragments: FRAGMENT_FILES_PER_SHARD });
      if (!created.index) return { pages: 0, shards, errors: created.errors };
      index = created.index;
      inShard = 0;
      shards++;
    }
    const task: Promise<void> = index.addCustomRecord(record).then((r) => {
      errors.push(...r.errors);
      inFlight.delete(task);
    });
    inFlight.add(task);
    if (inFlight.size >= 16) await Promise.race(inFlight);
    pages++;
    if (++inShard === SHARD_SIZE) await finishShard();
    if (errors.length) return { pages: 0, shards, errors };
  }
  if (index) await finishShard();
  if (errors.length) return { pages: 0, shards, errors };
  if (shards === 0) return { pages: 0, shards, errors: ['没有可以编入搜索索引的文章'] };

  // Shard 0 is the bundle; the others add their word index, metadata and fragments.
  renameSync(join(work, '0'), outputPath);
  const entryFile = join(outputPath, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as Entry;
  const languages: Entry['languages'] = {};
  const add = (shard: number, from: Entry) => {
    const [only, ...rest] = Object.values(from.languages);
    if (!only || rest.length) throw new Error(`Pagefind 分片 ${shard} 应当正好有一个索引`);
    languages[shardLanguage(shard)] = only;
  };
  add(0, entry);
  for (let shard = 1; shard < shards; shard++) {
    const dir = join(work, String(shard));
    add(shard, JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as Entry);
    for (const sub of ['index', 'fragment', 'filter']) {
      if (!existsSync(join(dir, sub))) continue;
      mkdirSync(join(outputPath, sub), { recursive: true });
      for (const name of readdirSync(join(dir, sub))) renameSync(join(dir, sub, name), join(outputPath, sub, name));
    }
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.pf_meta'))) renameSync(join(dir, name), join(outputPath, name));
  }
  writeFileSync(entryFile, JSON.stringify({ ...entry, languages }));
  rmSync(work, { recursive: true, force: true });
  return { pages, shards, errors };
}
