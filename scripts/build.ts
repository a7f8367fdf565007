/**
 * `npm run build`: check the content, build the site with Astro into a scratch folder,
 * index it with Pagefind, and only then replace dist/. A failed build prints what to fix
 * and leaves the previous dist/ untouched.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { crossArticleProblems, dateProblems, formatProblem, isProblem, parseArticle, type ParsedArticle, type Problem } from '../src/lib/content-checks.ts';
import { contentDir } from '../src/lib/content-dir.ts';
import { attachFragmentIds } from '../src/lib/search/fragments.ts';
import { searchDataProblems } from '../src/lib/search/load-data.ts';
import { loadRedirects } from '../src/lib/redirects.ts';
import { mdxProblems } from '../src/lib/lint/mdx.ts';

const outDir = resolve(process.env.OUT_DIR ?? 'dist');
const scratch = resolve('.build', `dist-${process.pid}`);
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

function fail(message: string): never {
  rmSync(scratch, { recursive: true, force: true });
  console.error(`\n构建失败：${message}\n已有的 ${outDir} 保持不变。`);
  process.exit(1);
}

// 1. Content checks that the schema cannot make (duplicates, links, broken frontmatter).
const articleDir = join(contentDir, 'articles');
if (!existsSync(articleDir)) fail(`找不到文章目录 ${articleDir}。`);
const parsed = readdirSync(articleDir, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.mdx'))
  .sort()
  .map((name) => {
    const file = join(articleDir, name);
    return parseArticle({ file, source: readFileSync(file, 'utf8') });
  });
const articles = parsed.filter((p): p is ParsedArticle => !isProblem(p));
const problems: Problem[] = [
  ...parsed.filter(isProblem),
  ...articles.flatMap(dateProblems),
  // MDX syntax and component misuse, with the file's line (Astro alone would not name the line of a bad prop).
  ...articles.flatMap((a) => mdxProblems({ file: a.file, source: readFileSync(a.file, 'utf8') })),
  ...crossArticleProblems(articles.filter((a) => a.data.draft !== true)),
  ...loadRedirects(contentDir, new Set(articles.filter((a) => a.data.draft !== true).map((a) => String(a.data.slug)))).problems,
  ...searchDataProblems(contentDir, new Set(articles.filter((a) => a.data.draft !== true).map((a) => String(a.data.slug)))),
].filter((p) => p.severity === 'error');
if (problems.length > 0) {
  for (const p of problems) console.error(formatProblem(p));
  fail(`内容有 ${problems.length} 处错误，见上方（文件:行号 [规则] 说明）。`);
}

/** The environment without the variables Vite would read as import.meta.env (DEV, PROD, MODE, SSR, BASE_URL). */
function productionEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DEV: _dev, PROD: _prod, MODE: _mode, SSR: _ssr, BASE_URL: _base, ...rest } = env;
  return { ...rest, NODE_ENV: 'production' };
}

// 2. Astro, into a scratch folder. Each content folder keeps its own Astro cache so
// fixture and benchmark builds never mix with the real site's.
mkdirSync(scratch, { recursive: true });
const cacheKey = contentDir === 'content' ? 'site' : contentDir.replace(/[^A-Za-z0-9]+/g, '_');
const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const astroOk = await new Promise<boolean>((done) => {
  const child = spawn(process.execPath, [astroBin, 'build'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Always a production build. Vitest leaves DEV=1, MODE=test… in the environment, which
    // would turn import.meta.env.DEV on in the build and publish drafts.
    env: { ...productionEnv(process.env), ASTRO_OUT_DIR: scratch, ASTRO_CACHE_DIR: resolve(process.env.BUILD_CACHE_DIR ?? join('node_modules/.astro', cacheKey)), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  // Editors need the message, the file and the field, not Astro's stack trace.
  for (const [stream, sink] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
    let inStack = false;
    createInterface({ input: stream }).on('line', (line) => {
      if (/^\s*Stack trace:/.test(line)) inStack = true;
      else if (inStack && /^\s+at /.test(line)) return;
      else inStack = false;
      if (!inStack) sink.write(line + '\n');
    });
  }
  child.on('close', (code) => done(code === 0));
});
if (!astroOk) fail('Astro 构建出错，见上方的错误信息（通常会指出哪个文件、哪个字段）。');
const astroSeconds = seconds();

// 3. Pagefind: index article bodies (pages mark them with data-pagefind-body).
console.log(`\n正在编入搜索索引…（Astro 用时 ${astroSeconds} 秒）`);
const { index, errors } = await pagefind.createIndex({});
if (!index) fail(`Pagefind 无法启动：${errors.join('; ')}`);
// Only pages that mark a body are indexed, so only those are handed to Pagefind: it then
// skips parsing every tag, category and list page (about 30% of its CPU time at 1,000
// articles) while the data-pagefind-* attributes keep their exact meaning.
const pagesToIndex = readdirSync(scratch, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html'));
const addErrors: string[] = [];
let indexedPages = 0;
// A few files in flight keep Pagefind busy without buffering the whole site in memory.
const inFlight = new Set<Promise<void>>();
for (const name of pagesToIndex) {
  const content = readFileSync(join(scratch, name), 'utf8');
  if (!content.includes('data-pagefind-body')) continue;
  indexedPages++;
  const task: Promise<void> = index.addHTMLFile({ sourcePath: name, content }).then((r) => {
    addErrors.push(...r.errors);
    inFlight.delete(task);
  });
  inFlight.add(task);
  if (inFlight.size >= 16) await Promise.race(inFlight);
}
await Promise.all(inFlight);
if (addErrors.length) fail(`Pagefind 索引出错：${addErrors.join('; ')}`);
const added = { page_count: indexedPages };
const written = await index.writeFiles({ outputPath: join(scratch, 'pagefind') });
if (written.errors.length) fail(`Pagefind 写入出错：${written.errors.join('; ')}`);
await pagefind.close();
// The instant search index (/search/suggest.json) learns Pagefind's page ids, so the
// browser can merge both layers without a fragment download per result.
attachFragmentIds(scratch);

// 4. Swap the finished site into place.
const previous = `${outDir}.previous-${process.pid}`;
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(scratch, outDir);
rmSync(previous, { recursive: true, force: true });
console.log(`\n构建完成：${added.page_count} 个页面已编入搜索索引，Astro ${astroSeconds} 秒，共 ${seconds()} 秒，输出在 ${outDir}`);
