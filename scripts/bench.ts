/**
 * `npm run bench -- [N …|real] [--warm] [--keep] [--seed S]`: generates N synthetic
 * articles (default 1000) into .build/bench-<N>/content, builds the whole site with its
 * search index through scripts/build.ts (the same command as `npm run build`), and
 * prints one table: wall time, peak memory of the whole build process tree, pages per
 * second, dist/ size and file count, Pagefind index size, the gzipped bytes of a first
 * visit to an article page and of two first searches (one the instant layer answers, one
 * that needs the full text), measured in Chromium.
 *
 * `real` builds the site's own content (into .build/bench-real/dist; content/ is only read).
 * Builds are cold by default (the benchmark's Astro cache is removed first); --warm keeps it.
 * --max-rss G (default 12) stops a build whose process tree goes past G GiB.
 */
import { spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { formatBytes, formatTable, treeMembers, type BenchResult } from '../src/lib/bench/report.ts';
import { speedProbe } from '../src/lib/bench/speed.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { writeContent } from './generate-articles.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 1;
const maxRssAt = args.indexOf('--max-rss');
/** A build that goes past this is stopped: a shared machine must not run out of memory. */
const maxRss = (maxRssAt >= 0 ? Number(args[maxRssAt + 1]) : 12) * 1024 ** 3;
const runs = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--seed' && args[i - 1] !== '--max-rss');
if (runs.length === 0) runs.push('1000');
for (const run of runs) {
  if (run !== 'real' && !(Number.isInteger(Number(run)) && Number(run) >= 2)) {
    console.error(`用法：npm run bench -- [篇数…|real] [--warm] [--keep] [--seed 数字] [--max-rss GiB]（“${run}”不是至少为 2 的整数）`);
    process.exit(1);
  }
}
/**
 * Two first searches (A and B in the table). A: two common words of the site's topic,
 * which the instant layer answers on the real site. B: a question the real site's
 * titles, tags and summaries cannot answer (脱身 is in none of them), so it needs the
 * full text. Generated content may answer them differently: the table says which
 * searches fetched the full text.
 */
const QUERIES = [process.env.BENCH_QUERY ?? '租机押金', process.env.BENCH_FULL_TEXT_QUERY ?? '租机贷款怎么脱身'];
const TEXT_TYPES = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.webmanifest']);

function listFiles(dir: string): { path: string; size: number }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, size: statSync(path).size }));
}

/** Bytes on the wire from a static host that gzips text (Pagefind's own files are already compressed). */
function wireBytes(dist: string, urlPath: string): number {
  let file = normalize(join(dist, urlPath));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) file = join(dist, '404.html');
  const body = readFileSync(file);
  return TEXT_TYPES.has(extname(file)) ? gzipSync(body).length : body.length;
}

interface Build {
  ok: boolean;
  /** Set when the build was stopped for using more memory than --max-rss. */
  stopped?: string;
  /** User + system CPU seconds of the whole tree (from /usr/bin/time), when available. */
  cpuSeconds?: number;
  wallSeconds: number;
  peakRssBytes: number;
  /** The processes over 50 MB at the peak, with their RSS. */
  peakMembers: string[];
  phases: [string, number][];
  /** When the content pass had checked everything and written the search texts, in seconds. */
  contentChecked?: number;
  output: string[];
}

/** Runs scripts/build.ts, sampling the memory of its whole process tree from /proc. */
function runBuild(contentDir: string, outDir: string, cacheDir: string): Promise<Build> {
  return new Promise((done) => {
    const started = performance.now();
    // GNU time reports the CPU time of the whole tree, which a busy shared machine does not inflate.
    const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'BENCH_CPU %U %S'] : [];
    const command = [...time, process.execPath, 'scripts/build.ts'];
    const child = spawn(command[0]!, command.slice(1), {
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so that --max-rss can stop the whole tree.
      detached: true,
      env: { ...process.env, CONTENT_DIR: contentDir, OUT_DIR: outDir, BUILD_CACHE_DIR: cacheDir, FORCE_COLOR: '0' },
    });
    let peak = 0;
    let peakMembers: string[] = [];
    const sample = () => {
      const processes = new Map<number, { stat: string; statm: string }>();
      for (const name of readdirSync('/proc')) {
        if (!/^\d+$/.test(name)) continue;
        try {
          processes.set(Number(name), { stat: readFileSync(`/proc/${name}/stat`, 'utf8'), statm: readFileSync(`/proc/${name}/statm`, 'utf8') });
        } catch {
          // The process ended between listing and reading.
        }
      }
      const members = treeMembers(child.pid!, processes);
      const total = members.reduce((sum, m) => sum + m.bytes, 0);
      if (total > peak) {
        peak = total;
        // Which processes made the peak: the budget is for the whole tree.
        peakMembers = members.filter((m) => m.bytes > 50 * 1024 * 1024).map((m) => `${m.name} ${formatBytes(m.bytes)}`);
      }
      if (peak > maxRss && !stopped) {
        stopped = `峰值内存超过 --max-rss ${formatBytes(maxRss)}，已停止构建`;
        process.kill(-child.pid!, 'SIGKILL');
      }
    };
    let stopped: string | undefined;
    let cpuSeconds: number | undefined;
    let contentChecked: number | undefined;
    const timer = setInterval(sample, 100);
    // Phase boundaries: the moment each of these lines arrives.
    const marks: [string, RegExp][] = [
      ['start-up', /\[content\] Syncing content/],
      ['content sync and types', /Building static entrypoints/],
      ['Vite bundle (MDX compile)', /generating static routes/],
      ['render pages + sitemap', /page\(s\) built in/],
      ['Astro exit', /正在完成搜索索引/],
      // Pagefind indexes while Astro renders; this is only what is left when Astro is done.
      ['rest of Pagefind', /构建完成|构建失败/],
    ];
    const times: [string, number][] = [];
    const output: string[] = [];
    // Astro's output reaches us in a burst once the content checks pass, so its lines are
    // placed by the clock time Astro prints (HH:MM:SS), not by when they arrive.
    const epochAtStart = Date.now();
    const lineTime = (line: string) => {
      const clock = line.match(/^(\d\d):(\d\d):(\d\d) /);
      if (!clock) return performance.now();
      const at = new Date(epochAtStart);
      at.setHours(Number(clock[1]), Number(clock[2]), Number(clock[3]), 999);
      return Math.min(performance.now(), started + (at.getTime() - epochAtStart));
    };
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (raw) => {
        // Astro colours its log even when piped; phases are matched on the plain text.
        const line = raw.replace(/\x1b\[[0-9;]*m/g, '');
        const cpu = line.match(/^BENCH_CPU ([\d.]+) ([\d.]+)$/);
        if (cpu) {
          cpuSeconds = Number(cpu[1]) + Number(cpu[2]);
          return;
        }
        output.push(line);
        const next = marks[times.length];
        if (next && next[1].test(line)) times.push([next[0], lineTime(line)]);
        const checked = line.match(/内容检查通过（第 ([\d.]+) 秒）/);
        if (checked) contentChecked = Number(checked[1]);
      });
    }
    child.on('close', (code) => {
      clearInterval(timer);
      const end = performance.now();
      let previous = started;
      const phases: [string, number][] = times.map(([name, t]) => {
        const seconds = (t - previous) / 1000;
        previous = t;
        return [name, seconds];
      });
      phases.push(['swap and exit', (end - previous) / 1000]);
      done({ ok: code === 0 && !stopped, stopped, cpuSeconds, wallSeconds: (end - started) / 1000, peakRssBytes: peak, peakMembers, phases, contentChecked, output });
    });
  });
}

/** What one first search fetched on top of the article visit. */
interface SearchPayload {
  query: string;
  gzip: number;
  files: string[];
  fragments: number;
  largest: string[];
}

/**
 * First visit to an article, then a first search after it (in a fresh browser each, so
 * nothing is cached from another query), in Chromium, counted at the server.
 */
async function measurePayloads(dist: string, articleSlug: string, queries: readonly string[]) {
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  const sum = (paths: string[]) => paths.reduce((total, p) => total + wireBytes(dist, p), 0);
  try {
    let visit: string[] = [];
    const searches: SearchPayload[] = [];
    for (const query of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      server.requests.length = 0;
      await page.goto(`${server.url}/articles/${articleSlug}/`, { waitUntil: 'networkidle' });
      visit = server.requests.map((r) => r.path);
      server.requests.length = 0;
      // The search page fires search:rendered once its final list is shown.
      await page.addInitScript(() => document.addEventListener('search:rendered', () => document.documentElement.setAttribute('data-bench-rendered', '')));
      await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
      await page.waitForSelector('html[data-bench-rendered]', { state: 'attached', timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      const visited = new Set(visit);
      // What a real host would let the browser cache (CSS, fonts) is not fetched twice.
      const files = server.requests.map((r) => r.path).filter((p) => !visited.has(p));
      const bySize = files.map((p) => [p, wireBytes(dist, p)] as const).sort((a, b) => b[1] - a[1]);
      searches.push({
        query,
        gzip: sum(files),
        files,
        fragments: files.filter((p) => p.endsWith('.pf_fragment')).length,
        largest: bySize.slice(0, 4).map(([p, b]) => `${p} ${formatBytes(b)}`),
      });
      await context.close();
    }
    return { firstVisitGzip: sum(visit), visit, searches };
  } finally {
    await browser.close();
    await server.close();
  }
}

const results: BenchResult[] = [];
const notes: string[] = [];
for (const run of runs) {
  const root = resolve('.build', `bench-${run}`);
  const contentDir = run === 'real' ? 'content' : `.build/bench-${run}/content`;
  const outDir = join(root, 'dist');
  let articleSlug: string;
  let articles: number;
  if (run === 'real') {
    articles = readdirSync('content/articles').filter((f) => f.endsWith('.mdx')).length;
    articleSlug = 'phone-installment-guide';
  } else {
    const started = performance.now();
    const site = writeContent(Number(run), contentDir, seed);
    articles = site.articles.length;
    // A typical article: the first without a calculator.
    articleSlug = (site.articles.find((a) => !/^<[A-Z]/m.test(a.source)) ?? site.articles[0]!).slug;
    console.log(`已生成 ${articles} 篇文章到 ${contentDir}（${((performance.now() - started) / 1000).toFixed(1)} 秒，不计入构建时间）`);
  }
  // Its own Astro cache, cold unless --warm: never the one `npm run build` shares.
  const cacheDir = join(root, 'astro-cache');
  if (!flag('--warm')) rmSync(cacheDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  const load = loadavg()[0]!.toFixed(1);
  const speedBefore = speedProbe();
  console.log(`构建 ${run}…（${availableParallelism()} 核，1 分钟平均负载 ${load}，CPU 测速 ${speedBefore.toFixed(2)} 秒）`);
  const build = await runBuild(contentDir, outDir, cacheDir);
  const speedAfter = speedProbe();
  if (!build.ok) {
    console.error(build.output.slice(-40).join('\n'));
    if (build.stopped) console.error(`\n${build.stopped}（${build.phases.map(([name, sec]) => `${name} ${sec.toFixed(1)} s`).join(' · ')}）`);
    console.error(`\n基准测试 ${run} 的构建失败，见上方输出。`);
    process.exit(1);
  }
  const files = listFiles(outDir);
  const pagefindFiles = files.filter((f) => f.path.startsWith(join(outDir, 'pagefind') + '/'));
  const payloads = await measurePayloads(outDir, articleSlug, QUERIES);
  results.push({
    label: run === 'real' ? `real (${articles})` : run,
    articles,
    pages: files.filter((f) => f.path.endsWith('.html')).length,
    wallSeconds: build.wallSeconds,
    cpuSeconds: build.cpuSeconds,
    peakRssBytes: build.peakRssBytes,
    distBytes: files.reduce((t, f) => t + f.size, 0),
    distFiles: files.length,
    pagefindBytes: pagefindFiles.reduce((t, f) => t + f.size, 0),
    pagefindFiles: pagefindFiles.length,
    firstVisitGzip: payloads.firstVisitGzip,
    firstSearches: payloads.searches.map((s) => ({ gzip: s.gzip, fullText: s.files.some((p) => p.startsWith('/pagefind/')) })),
    phases: build.phases,
  });
  notes.push(
    `${run}: load average ${load} on ${availableParallelism()} cores at start; CPU speed probe ${speedBefore.toFixed(2)} s before the build and ${speedAfter.toFixed(2)} s after (a fixed loop: 0.4–0.5 s when the host is quiet; more means a busier host and slower timings)`,
    `${run}: CPU ${build.cpuSeconds?.toFixed(1) ?? '?'} s (user+sys, whole tree); content checked and search texts written at ${build.contentChecked?.toFixed(1) ?? '?'} s; Astro: ${build.phases.map(([name, s]) => `${name} ${s.toFixed(1)} s`).join(' · ')}`,
    `${run}: peak memory ${formatBytes(build.peakRssBytes)}: ${build.peakMembers.join(', ')}`,
    `${run}: first visit /articles/${articleSlug}/ fetched ${payloads.visit.join(', ')}`,
    ...payloads.searches.map(
      (s, i) => `${run}: first search ${'AB'[i]} “${s.query}” fetched ${s.files.length} files (${s.fragments} fragments), ${formatBytes(s.gzip)} gzipped; largest: ${s.largest.join(', ')}`,
    ),
  );
  if (!flag('--keep') && run !== 'real') rmSync(contentDir, { recursive: true, force: true });
  if (!flag('--keep')) rmSync(outDir, { recursive: true, force: true });
}

console.log(`\n${formatTable(results)}\n`);
for (const note of notes) console.log(`- ${note}`);
const [small, large] = [results.find((r) => r.label === '1000'), results.find((r) => r.label === '10000')];
if (small && large) console.log(`- 10000/1000 wall-time ratio: ${(large.wallSeconds / small.wallSeconds).toFixed(2)}`);
