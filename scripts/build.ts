/**
 * `npm run build`: build the site with Astro into a scratch folder, check the content and
 * write the search index meanwhile, and only then replace dist/. A failed build prints
 * what to fix and leaves the previous dist/ untouched.
 *
 * Three processes share the machine's cores: Astro renders in a child process from the
 * start; this process checks the content (stopping Astro if anything is wrong) and cuts
 * the article text into words; Pagefind indexes those words in its own process.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { CustomRecord } from 'pagefind';
import { crossArticleProblems, dateProblems, formatProblem, isProblem, parseArticle, type ParsedArticle, type Problem } from '../src/lib/content-checks.ts';
import { contentDir } from '../src/lib/content-dir.ts';
import { componentProblems } from '../src/lib/lint/components.ts';
import { parseMdx } from '../src/lib/lint/mdx.ts';
import { proseOf } from '../src/lib/article-text.ts';
import type { RelatedInput } from '../src/lib/related.ts';
import { loadRedirects } from '../src/lib/redirects.ts';
import { attachFragmentIds } from '../src/lib/search/fragments.ts';
import { searchDataProblems, searchLexicon } from '../src/lib/search/load-data.ts';
import { articleRecord, plainText } from '../src/lib/search/records.ts';
import { writeFullTextIndex } from '../src/lib/search/write-index.ts';

const outDir = resolve(process.env.OUT_DIR ?? 'dist');
const scratch = resolve('.build', `dist-${process.pid}`);
/** Related articles, computed here and read by Astro's pages (src/lib/related-file.ts). */
const relatedFile = resolve('.build', `related-${process.pid}.json`);
/** Where Pagefind writes while Astro renders (moved into the site when both are done). */
const pagefindDir = resolve('.build', `pagefind-${process.pid}`);
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
/** Work in this process comes in slices this long, so Astro's piped output keeps flowing. */
const SLICE = 50;

let stopAstro = () => {};
function fail(message: string): never {
  stopAstro();
  for (const dir of [scratch, pagefindDir, `${pagefindDir}.shards`, relatedFile]) {
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

/** The environment without the variables Vite would read as import.meta.env (DEV, PROD, MODE, SSR, BASE_URL). */
function productionEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DEV: _dev, PROD: _prod, MODE: _mode, SSR: _ssr, BASE_URL: _base, ...rest } = env;
  return { ...rest, NODE_ENV: 'production' };
}

// 1. Astro, into a scratch folder, started at once. Its output is held back until the
// content checks pass, so an editor sees our message about a bad file, not Astro's.
// Each content folder keeps its own Astro cache so fixture and benchmark builds never mix
// with the real site's.
mkdirSync(scratch, { recursive: true });
const cacheKey = contentDir === 'content' ? 'site' : contentDir.replace(/[^A-Za-z0-9]+/g, '_');
const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const astro = spawn(process.execPath, [astroBin, 'build'], {
  stdio: ['ignore', 'pipe', 'pipe'],
  // Always a production build. Vitest leaves DEV=1, MODE=test… in the environment, which
  // would turn import.meta.env.DEV on in the build and publish drafts.
  env: { ...productionEnv(process.env), RELATED_FILE: relatedFile, ASTRO_OUT_DIR: scratch, ASTRO_CACHE_DIR: resolve(process.env.BUILD_CACHE_DIR ?? join('node_modules/.astro', cacheKey)), ASTRO_TELEMETRY_DISABLED: '1' },
});
stopAstro = () => astro.kill('SIGKILL');
// Stopping the build (Ctrl+C, a CI timeout) stops Astro too, instead of leaving it running.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => fail(`构建被中止（${signal}）。`));
let held: [NodeJS.WriteStream, string][] | undefined = [];
const astroDone = new Promise<boolean>((done) => astro.on('close', (code) => done(code === 0)));
// Editors need the message, the file and the field, not Astro's stack trace.
for (const [stream, sink] of [[astro.stdout, process.stdout], [astro.stderr, process.stderr]] as const) {
  let inStack = false;
  createInterface({ input: stream }).on('line', (line) => {
    if (/^\s*Stack trace:/.test(line)) inStack = true;
    else if (inStack && /^\s+at /.test(line)) return;
    else inStack = false;
    if (inStack) return;
    if (held) held.push([sink, line]);
    else sink.write(line + '\n');
  });
}

// 2. Content checks that the schema cannot make (duplicates, links, broken frontmatter).
const parsed: (ParsedArticle | Problem)[] = [];
// One MDX parse per article serves the syntax and component checks and the search text
// (only the text is kept: 10,000 syntax trees would hold about a gigabyte).
const texts = new Map<string, string>();
const mdxErrors: Problem[] = [];
const names = readdirSync(articleDir, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.mdx'))
  .sort();
for (const [i, name] of names.entries()) {
  const source = { file: join(articleDir, name), source: readFileSync(join(articleDir, name), 'utf8') };
  parsed.push(parseArticle(source));
  const result = parseMdx(source.file, source.source);
  if ('problem' in result) mdxErrors.push(result.problem);
  else {
    texts.set(source.file, plainText(result.tree));
    // Component misuse, with the file's line (Astro alone would not name the line of a bad prop).
    mdxErrors.push(...componentProblems(source.file, result.tree));
  }
  if (i % SLICE === SLICE - 1) await nextTurn();
}
const articles = parsed.filter((p): p is ParsedArticle => !isProblem(p));
const published = articles.filter((a) => a.data.draft !== true);
const publishedSlugs = new Set(published.map((a) => String(a.data.slug)));
const problems: Problem[] = [
  ...parsed.filter(isProblem),
  ...articles.flatMap(dateProblems),
  ...mdxErrors,
  ...crossArticleProblems(published),
  ...loadRedirects(contentDir, publishedSlugs).problems,
  ...searchDataProblems(contentDir, publishedSlugs),
].filter((p) => p.severity === 'error');
if (problems.length > 0) {
  stopAstro();
  for (const p of problems) console.error(formatProblem(p));
  fail(`内容有 ${problems.length} 处错误，见上方（文件:行号 [规则] 说明）。`);
}
for (const [sink, line] of held) sink.write(line + '\n');
held = undefined;

// Related articles, in a worker thread beside the indexing below; Astro's pages wait for the file.
const relatedDone = new Promise<void>((done, failed) => {
  const articles: RelatedInput[] = published.map((a) => ({ slug: String(a.data.slug), category: String(a.data.category), tags: (a.data.tags as string[] | undefined) ?? [], title: String(a.data.title), text: proseOf(a.body) }));
  const worker = new Worker(new URL('./related-worker.ts', import.meta.url), { workerData: { file: relatedFile, articles } });
  worker.once('message', () => done());
  worker.once('error', failed);
  worker.once('exit', (code) => (code === 0 ? done() : failed(new Error(`exit code ${code}`))));
}).catch((error: unknown) => fail(`相关文章计算出错：${error instanceof Error ? error.message : String(error)}`));

// 3. The full-text index, from the sources, while Astro renders: Pagefind indexes the
// words in its own process instead of parsing every built page afterwards. Only what
// the records need is kept; the sources are let go (10,000 bodies are a few hundred MB).
const lexicon = searchLexicon(contentDir);
const recordInputs = published.map((a) => ({ slug: String(a.data.slug), title: String(a.data.title), text: texts.get(a.file)!, faq: Array.isArray(a.data.faq) ? a.data.faq : [] }));
for (const list of [parsed, articles, published]) list.length = 0;
texts.clear();
async function* records(): AsyncGenerator<CustomRecord> {
  for (let i = 0; i < recordInputs.length; i++) {
    yield articleRecord(recordInputs[i]!, lexicon);
    // Each article's text is needed once.
    recordInputs[i] = undefined!;
    if (i % SLICE === SLICE - 1) await nextTurn();
  }
}
let fullTextSeconds = '';
const fullText = writeFullTextIndex(records(), pagefindDir).then((result) => {
  fullTextSeconds = seconds();
  return result;
});

if (!(await astroDone)) fail('Astro 构建出错，见上方的错误信息（通常会指出哪个文件、哪个字段）。');
await relatedDone;
const astroSeconds = seconds();

// 4. Wait for the full-text index and move it into the site.
console.log(`\n正在完成搜索索引…（Astro 用时 ${astroSeconds} 秒）`);
const indexed = await fullText;
if (indexed.errors.length) fail(`Pagefind 索引出错：${indexed.errors.join('; ')}`);
renameSync(pagefindDir, join(scratch, 'pagefind'));
// The instant search index (/search/suggest.json) learns Pagefind's page ids, so the
// browser can merge both layers without a fragment download per result.
attachFragmentIds(scratch);

// 5. Swap the finished site into place.
const previous = `${outDir}.previous-${process.pid}`;
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(scratch, outDir);
rmSync(previous, { recursive: true, force: true });
rmSync(relatedFile, { force: true });
console.log(`\n构建完成：${indexed.pages} 篇文章已编入搜索索引（${indexed.shards} 个分片，第 ${fullTextSeconds} 秒完成），Astro ${astroSeconds} 秒，共 ${seconds()} 秒，输出在 ${outDir}`);
