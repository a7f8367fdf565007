/**
 * One shard of the full-text index, in a process of its own: scripts/build.ts runs one
 * at a time while Astro renders and two once Astro is done, so both cores stay busy to
 * the end. It cuts its records' text into words (spaceHanWords, the same cut the browser
 * applies to a query) and has Pagefind index and write them.
 *
 * Usage: node scripts/index-shard.ts <records.jsonl> <output folder>. Reads CONTENT_DIR
 * (for the site's terms); Pagefind reads PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE. Prints
 * Pagefind's errors and exits with 1 if there are any.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createInterface } from 'node:readline';
import type { CustomRecord } from 'pagefind';
import { contentDir } from '../src/lib/content-dir.ts';
import { searchLexicon } from '../src/lib/search/load-data.ts';
import { articleRecord, type RecordInput } from '../src/lib/search/records.ts';
import { indexShard } from '../src/lib/search/write-index.ts';

const [recordsFile, outputPath] = process.argv.slice(2);
if (!recordsFile || !outputPath) {
  console.error('用法：node scripts/index-shard.ts <records.jsonl> <输出目录>');
  process.exit(2);
}
const lexicon = searchLexicon(contentDir);
async function* records(): AsyncGenerator<CustomRecord> {
  for await (const line of createInterface({ input: createReadStream(recordsFile!, 'utf8'), crlfDelay: Infinity })) {
    if (line) yield articleRecord(JSON.parse(line) as RecordInput, lexicon);
  }
}
/**
 * Pagefind's close() kills its process without waiting for it. Waiting until it is gone
 * (Linux lists a process's children in /proc) returns its memory before the next shard
 * starts, and counts its CPU time with this process's, where the benchmark reads it.
 */
async function pagefindExited(timeoutMs = 5000): Promise<void> {
  const children = `/proc/self/task/${process.pid}/children`;
  const deadline = Date.now() + timeoutMs;
  while (existsSync(children) && readFileSync(children, 'utf8').trim() !== '' && Date.now() < deadline) await sleep(10);
}

const written = await indexShard(records(), outputPath);
await pagefindExited();
if (written.errors.length) {
  console.error(`Pagefind 索引出错（${recordsFile}）：${written.errors.join('; ')}`);
  process.exit(1);
}
