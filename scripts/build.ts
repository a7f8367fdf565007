/**
 * `npm run build`: build the site with Astro into a scratch folder, check the content and
 * write the search index meanwhile, and only then replace dist/. A failed build prints
 * what to fix and leaves the previous dist/ untouched.
 *
 * Processes share the machine's cores: Astro renders from the start; the content pass
 * (scripts/build-content.ts) checks the content, stopping the build if anything is
 * wrong, ranks related articles and writes the text to index; then one process per
 * shard of the full-text index (scripts/index-shard.ts) cuts that text into words and
 * has Pagefind index them, one at a time beside Astro and two at a time once Astro is
 * done. On a large site another splits the instant search index once Astro is done
 * (scripts/split-search-index.ts). This process only coordinates them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireLock, unlock } from '../src/lib/astro-lock.ts';
import { contentDir } from '../src/lib/content-dir.ts';
import { followFile } from '../src/lib/follow-file.ts';
import { attachFragmentIds } from '../src/lib/search/fragments.ts';
import { splitThreshold } from '../src/lib/search/split-index.ts';
import { chunkSizeEnv, indexChunkSize, mergeShards } from '../src/lib/search/write-index.ts';
import { taskPool } from '../src/lib/task-pool.ts';

const outDir = resolve(process.env.OUT_DIR ?? 'dist');
const scratch = resolve('.build', `dist-${process.pid}`);
/** Related articles, computed by the content pass and read by Astro's pages (src/lib/related-file.ts). */
const relatedFile = resolve('.build', `related-${process.pid}.json`);
/** The sitemap's dates, from the content pass (src/lib/sitemap-dates.ts). */
const datesFile = resolve('.build', `dates-${process.pid}.json`);
/** The published articles' texts for the search index, one file per shard, from the content pass. */
const recordsDir = resolve('.build', `records-${process.pid}`);
/** Astro's standard output and error, followed from here (src/lib/follow-file.ts): cheaper for
 * Astro than writing 20,000 lines into a pipe at 10,000 articles. */
const astroOutput = [resolve('.build', `astro-${process.pid}.out`), resolve('.build', `astro-${process.pid}.err`)] as const;
/** Where the Pagefind shards are written while Astro renders (merged into the site when both are done). */
const shardsDir = resolve('.build', `pagefind-shards-${process.pid}`);
/** Pagefind processes at once after Astro has finished: two cores, about 1.3 GB each at their peak. */
const SHARD_PROCESSES = 2;
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

/** Astro, the content pass and the others: a failed or stopped build stops them too. */
const children: ChildProcess[] = [];
function fail(message: string): never {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of [scratch, shardsDir, relatedFile, datesFile, recordsDir, ...astroOutput]) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Pagefind may still be writing there; .build/ is scratch space and the exit stops it.
    }
  }
  console.error(`\n构建失败：${message}\n已有的 ${outDir} 保持不变。`);
  process.exit(1);
}

const articleDir = join(contentDir, 'articles');
if (!existsSync(articleDir)) fail(`找不到文章目录 ${articleDir}。`);
/** Article files, drafts included: enough to tell whether the instant index may need splitting. */
const articleFiles = readdirSync(articleDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.mdx')).length;

/** The environment without the variables Vite would read as import.meta.env (DEV, PROD, MODE, SSR, BASE_URL). */
function productionEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DEV: _dev, PROD: _prod, MODE: _mode, SSR: _ssr, BASE_URL: _base, ...rest } = env;
  return { ...rest, NODE_ENV: 'production' };
}

// 1. Astro, into a scratch folder, started at once. Its output is held back until the
// content checks pass, so an editor sees our message about a bad file, not Astro's.
// Each content folder keeps its own Astro cache so fixture and benchmark builds never mix
// with the real site's.
// Astro writes the project's .astro/ folder, which every Astro process here shares: one
// build's Astro at a time (src/lib/astro-lock.ts). The lock is given back once Astro is done.
await acquireLock('npm run build', (holder) => console.log(`另一个 Astro 进程（${holder.what}，pid ${holder.pid}）正在使用本项目的 .astro/ 文件夹，等它结束后开始构建…`));
mkdirSync(scratch, { recursive: true });
const cacheKey = contentDir === 'content' ? 'site' : contentDir.replace(/[^A-Za-z0-9]+/g, '_');
const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const astroOutputFds = astroOutput.map((file) => openSync(file, 'w'));
const astro = spawn(process.execPath, [astroBin, 'build'], {
  stdio: ['ignore', astroOutputFds[0], astroOutputFds[1]],
  // Always a production build. Vitest leaves DEV=1, MODE=test… in the environment, which
  // would turn import.meta.env.DEV on in the build and publish drafts.
  env: { ...productionEnv(process.env), RELATED_FILE: relatedFile, ARTICLE_DATES_FILE: datesFile, ASTRO_OUT_DIR: scratch, ASTRO_CACHE_DIR: resolve(process.env.BUILD_CACHE_DIR ?? join('node_modules/.astro', cacheKey)), ASTRO_TELEMETRY_DISABLED: '1' },
});
children.push(astro);
for (const fd of astroOutputFds) closeSync(fd);
// Stopping the build (Ctrl+C, a CI timeout) stops Astro too, instead of leaving it running.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => fail(`构建被中止（${signal}）。`));
let held: [NodeJS.WriteStream, string][] | undefined = [];
// Editors need the message, the file and the field, not Astro's stack trace.
const followers = ([[astroOutput[0], process.stdout], [astroOutput[1], process.stderr]] as const).map(([file, sink]) => {
  let inStack = false;
  return followFile(file, (line) => {
    if (/^\s*Stack trace:/.test(line)) inStack = true;
    else if (inStack && /^\s+at /.test(line)) return;
    else inStack = false;
    if (inStack) return;
    if (held) held.push([sink, line]);
    else sink.write(line + '\n');
  });
});
const astroDone = new Promise<boolean>((done) =>
  astro.on('close', (code) => {
    for (const follower of followers) follower.stop();
    done(code === 0);
  }),
);

// 2. The content pass in its own process (scripts/build-content.ts): checks, related
// articles, search texts. Astro's output is released once it has passed.
const content = spawn(process.execPath, [fileURLToPath(new URL('./build-content.ts', import.meta.url))], {
  env: { ...process.env, RECORDS_DIR: recordsDir, RELATED_FILE: relatedFile, ARTICLE_DATES_FILE: datesFile },
  stdio: ['ignore', 'inherit', 'inherit'],
});
children.push(content);
const contentCode = await new Promise<number | null>((done) => content.on('exit', (code) => done(code)));
if (contentCode !== 0) fail(contentCode === 1 ? '内容检查没有通过。' : `内容检查进程意外退出（退出码 ${contentCode}），见上方的输出。`);
console.log(`内容检查通过（第 ${seconds()} 秒），开始建全文索引。`);
for (const [sink, line] of held) sink.write(line + '\n');
held = undefined;

// 3. The full-text index, from the sources, while Astro renders: each shard of records
// (written by the content pass) gets a process that cuts the text into words and has
// Pagefind index it (scripts/index-shard.ts). One at a time while Astro renders, since
// Astro and one shard already keep both cores busy; two once Astro is done, so the last
// shards do not leave a core idle.
const shardFiles = readdirSync(recordsDir)
  .filter((name) => name.endsWith('.jsonl'))
  .sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
if (shardFiles.length === 0) fail('没有可以编入搜索索引的文章（所有文章都是草稿？）。');
const shardDirs = shardFiles.map((_, i) => join(shardsDir, String(i)));
const shardEnv = chunkSizeEnv(process.env, indexChunkSize(articleFiles));
let astroRunning = true;
const shards = taskPool(
  shardFiles.map((name, i) => () => {
    const shard = spawn(process.execPath, [fileURLToPath(new URL('./index-shard.ts', import.meta.url)), join(recordsDir, name), shardDirs[i]!], { env: shardEnv, stdio: ['ignore', 'inherit', 'inherit'] });
    children.push(shard);
    return new Promise<void>((done, failed) => shard.on('exit', (code) => (code === 0 ? done() : failed(new Error(`Pagefind 索引第 ${i + 1} 个分片失败（退出码 ${code}），见上方的输出。`)))));
  }),
  () => (astroRunning ? 1 : SHARD_PROCESSES),
);
let fullTextSeconds = '';
const fullText = shards.done.then(
  () => {
    fullTextSeconds = seconds();
    return undefined;
  },
  (error: Error) => fail(error.message),
);

if (!(await astroDone)) fail('Astro 构建出错，见上方的错误信息（通常会指出哪个文件、哪个字段）。');
unlock();
const astroSeconds = seconds();
astroRunning = false;
shards.wake();
// A large site's instant index is split so a search downloads only what its words need
// (scripts/split-search-index.ts), in its own process while Pagefind finishes.
let splitDone: Promise<number | null> = Promise.resolve(0);
if (articleFiles > splitThreshold(process.env)) {
  const split = spawn(process.execPath, [fileURLToPath(new URL('./split-search-index.ts', import.meta.url)), scratch], { stdio: ['ignore', 'inherit', 'inherit'] });
  children.push(split);
  splitDone = new Promise((done) => split.on('exit', (code) => done(code)));
}

// 4. Wait for the full-text index and move it into the site.
console.log(`\n正在完成搜索索引…（Astro 用时 ${astroSeconds} 秒）`);
await fullText;
const indexedPages = mergeShards(shardDirs, join(scratch, 'pagefind'));
const splitCode = await splitDone;
if (splitCode !== 0) fail(`拆分即时搜索索引失败（退出码 ${splitCode}），见上方的输出。`);
// The instant search index (/search/suggest.json) learns Pagefind's page ids, so the
// browser can merge both layers without a fragment download per result.
attachFragmentIds(scratch);

// 5. Swap the finished site into place.
const previous = `${outDir}.previous-${process.pid}`;
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(scratch, outDir);
rmSync(previous, { recursive: true, force: true });
rmSync(relatedFile, { force: true });
rmSync(datesFile, { force: true });
for (const file of astroOutput) rmSync(file, { force: true });
rmSync(recordsDir, { recursive: true, force: true });
rmSync(shardsDir, { recursive: true, force: true });
console.log(`\n构建完成：${indexedPages} 篇文章已编入搜索索引（${shardFiles.length} 个分片，第 ${fullTextSeconds} 秒完成），Astro ${astroSeconds} 秒，共 ${seconds()} 秒，输出在 ${outDir}`);
