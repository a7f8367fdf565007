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
  ...crossArticleProblems(articles.filter((a) => a.data.draft !== true)),
].filter((p) => p.severity === 'error');
if (problems.length > 0) {
  for (const p of problems) console.error(formatProblem(p));
  fail(`内容有 ${problems.length} 处错误，见上方（文件:行号 [规则] 说明）。`);
}

// 2. Astro, into a scratch folder. Each content folder keeps its own Astro cache so
// fixture and benchmark builds never mix with the real site's.
mkdirSync(scratch, { recursive: true });
const cacheKey = contentDir === 'content' ? 'site' : contentDir.replace(/[^A-Za-z0-9]+/g, '_');
const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const astroOk = await new Promise<boolean>((done) => {
  const child = spawn(process.execPath, [astroBin, 'build'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ASTRO_OUT_DIR: scratch, ASTRO_CACHE_DIR: resolve('node_modules/.astro', cacheKey), ASTRO_TELEMETRY_DISABLED: '1' },
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
const { index, errors } = await pagefind.createIndex({});
if (!index) fail(`Pagefind 无法启动：${errors.join('; ')}`);
const added = await index.addDirectory({ path: scratch });
if (added.errors.length) fail(`Pagefind 索引出错：${added.errors.join('; ')}`);
const written = await index.writeFiles({ outputPath: join(scratch, 'pagefind') });
if (written.errors.length) fail(`Pagefind 写入出错：${written.errors.join('; ')}`);
await pagefind.close();

// 4. Swap the finished site into place.
const previous = `${outDir}.previous-${process.pid}`;
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(scratch, outDir);
rmSync(previous, { recursive: true, force: true });
console.log(`\n构建完成：${added.page_count} 个页面已编入搜索索引，Astro ${astroSeconds} 秒，共 ${seconds()} 秒，输出在 ${outDir}`);
