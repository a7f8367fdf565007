/**
 * `npm run bench:search`: on the built site (DIST_DIR, default dist/), in Chromium,
 * 1. the bytes a reader's first search downloads: open an article page, focus the
 *    header box, type a query, wait for the results; everything fetched from the focus
 *    on, gzipped as a static host would send it (Pagefind's index files are already
 *    compressed and are counted as they are);
 * 2. the time from the last keystroke to results rendered once the index is loaded
 *    (instant layer, and final list including the full text when it is consulted),
 *    median and 90th percentile over the evaluation queries.
 * Prints numbers; budgets: ≤ 150 KB first search, ≤ 100 ms once loaded.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import YAML from 'yaml';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const dist = process.env.DIST_DIR ?? 'dist';
const articlePath = '/articles/phone-leasing-process/';
const queries = (YAML.parse(readFileSync('tests/search/queries.yaml', 'utf8')) as { q: string }[]).map((c) => String(c.q));
const firstSearchQueries = ['租机到期不还', '手机被锁了怎么办', 'zuji', '0首付', '分期用不了', '量子纠缠望远镜', '12378', '人脸识别', '12315投诉', '租', 'iphone分期', '芝麻分低能分期吗'];

const server = await serveStatic(dist);
const browser = await launchBrowser();
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const PRECOMPRESSED = /\.(pf_index|pf_fragment|pf_meta|pf_filter|pagefind)$/;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
const p90 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)] ?? NaN;

try {
  console.log(`\n首次搜索下载量（从文章页 ${articlePath} 聚焦页头搜索框起，gzip 后）：`);
  const firstBytes: number[] = [];
  for (const query of firstSearchQueries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url + articlePath, { waitUntil: 'networkidle' });
    // Sizes from the built files, gzipped as a static host would send them.
    const files: { url: string; bytes: number }[] = [];
    page.on('requestfinished', (request) => {
      const url = new URL(request.url()).pathname;
      const file = join(dist, url.endsWith('/') ? `${url}index.html` : url);
      if (!existsSync(file)) return;
      const body = readFileSync(file);
      files.push({ url, bytes: PRECOMPRESSED.test(url) ? body.length : gzipSync(body).length });
    });
    await page.focus('#site-search');
    const rendered = page.evaluate(() => new Promise<void>((done) => document.querySelector('#site-search')!.addEventListener('search:rendered', () => done(), { once: true })));
    await page.keyboard.type(query);
    await rendered;
    await page.waitForLoadState('networkidle');
    const total = files.reduce((s, f) => s + f.bytes, 0);
    firstBytes.push(total);
    const pagefind = files.filter((f) => f.url.startsWith('/pagefind/')).reduce((s, f) => s + f.bytes, 0);
    console.log(`  ${query.padEnd(10, '　')}  ${kb(total).padStart(9)}  （其中 Pagefind ${kb(pagefind)}，${files.length} 个文件）`);
    await context.close();
  }
  console.log(`  中位数 ${kb(median(firstBytes))}，最大 ${kb(Math.max(...firstBytes))}（预算 150 KB）`);

  console.log(`\n索引加载后，从最后一次按键到结果显示（${queries.length} 条评测查询，页头搜索框）：`);
  const page = await browser.newPage();
  await page.goto(server.url + articlePath);
  // Warm up: load the instant index and Pagefind once.
  for (const warm of ['租机', '12315']) {
    await page.fill('#site-search', '');
    const done = page.evaluate(() => new Promise<void>((r) => document.querySelector('#site-search')!.addEventListener('search:rendered', () => r(), { once: true })));
    await page.fill('#site-search', warm);
    await done;
  }
  // Timestamps from the page itself: keydown of the last character → results rendered.
  await page.evaluate(() => {
    const input = document.querySelector('#site-search')!;
    const t = ((window as unknown as { __searchTiming: Record<string, number> }).__searchTiming = { start: 0, instant: 0, final: 0 });
    input.addEventListener('keydown', () => Object.assign(t, { start: performance.now(), instant: 0, final: 0 }));
    input.addEventListener('search:instant', () => (t.instant = performance.now()));
    input.addEventListener('search:rendered', () => (t.final = performance.now()));
  });
  const instant: number[] = [];
  const final: number[] = [];
  const timedOut: string[] = [];
  for (const query of queries) {
    await page.fill('#site-search', query.slice(0, -1));
    await page.waitForTimeout(400);
    await page.keyboard.press('End');
    await page.keyboard.type(query.slice(-1));
    try {
      await page.waitForFunction(() => (window as unknown as { __searchTiming: { final: number } }).__searchTiming.final > 0, undefined, { timeout: 5000 });
    } catch {
      timedOut.push(query);
      continue;
    }
    const t = await page.evaluate(() => (window as unknown as { __searchTiming: { start: number; instant: number; final: number } }).__searchTiming);
    instant.push(t.instant - t.start);
    final.push(t.final - t.start);
  }
  if (timedOut.length) console.log(`  5 秒内没有结果：${timedOut.join('、')}`);
  console.log(`  即时结果：中位数 ${median(instant).toFixed(1)} ms，P90 ${p90(instant).toFixed(1)} ms`);
  console.log(`  最终结果（需要时含全文检索，含 150 ms 停顿等待）：中位数 ${median(final).toFixed(1)} ms，P90 ${p90(final).toFixed(1)} ms（预算 100 ms）`);
} finally {
  await browser.close();
  await server.close();
}
