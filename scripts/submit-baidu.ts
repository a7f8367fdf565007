/**
 * `npm run submit:baidu`: push the built site's URLs to Baidu's link-submission API.
 *
 *   BAIDU_SITE=https://www.example.com BAIDU_TOKEN=… npm run submit:baidu            # dry run
 *   BAIDU_SITE=https://www.example.com BAIDU_TOKEN=… npm run submit:baidu -- --send  # push
 *   … -- --since 2026-11-01    only pages whose sitemap <lastmod> is on or after that day
 *   … -- --dist /path/to/dist  another build folder (default: DIST_DIR or dist)
 *
 * BAIDU_SITE is the site exactly as verified in 百度搜索资源平台, BAIDU_TOKEN the token of
 * its 普通收录 → API 提交 page. Nothing is sent without --send.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { baiduRequests, changedSince, firstLines, parseBaiduResponse, redact, sitemapUrls, urlProblems } from '../src/lib/seo-submit.ts';

const { values } = parseArgs({ options: { send: { type: 'boolean', default: false }, since: { type: 'string' }, dist: { type: 'string' } } });
const dist = values.dist ?? process.env.DIST_DIR ?? 'dist';
const fail = (message: string): never => {
  console.error(`submit:baidu：${message}`);
  process.exit(1);
};
if (values.since && !/^\d{4}-\d{2}-\d{2}$/.test(values.since)) fail(`--since 要写成 YYYY-MM-DD，现在是 ${values.since}。`);
if (!existsSync(join(dist, 'sitemap-index.xml'))) fail(`${dist}/sitemap-index.xml 不存在：先运行 npm run build（部署用的网址由 SITE_URL 决定）。`);

const entries = changedSince(
  sitemapUrls((path) => readFileSync(join(dist, path), 'utf8')),
  values.since,
);
const urls = entries.map((e) => e.loc);
const site = process.env.BAIDU_SITE ?? '';
const token = process.env.BAIDU_TOKEN ?? '';
const host = site ? new URL(/^https?:\/\//.test(site) ? site : `https://${site}`).host : urls[0] ? new URL(urls[0]).host : '';
const problems = urlProblems(urls, host);
if (problems.length) fail(`这些网址百度不会接受：\n  ${firstLines(problems)}\n构建时用 SITE_URL 设成与 BAIDU_SITE 相同的网址后重新构建。`);

const requests = baiduRequests(urls, { site: site || '<BAIDU_SITE>', token: token || '<BAIDU_TOKEN>' });
console.log(`从 ${dist} 的站点地图读到 ${urls.length} 个网址${values.since ? `（${values.since} 及以后更新的）` : ''}，分 ${requests.length} 次提交（每次最多 2000 个）。`);

if (!values.send) {
  for (const [i, r] of requests.entries()) {
    const shown = redact(r, token);
    console.log(`\n[${i + 1}/${requests.length}] POST ${shown.url}\nContent-Type: text/plain\n${r.count} 个网址，例如：\n  ${r.body.split('\n').slice(0, 5).join('\n  ')}${r.count > 5 ? '\n  …' : ''}`);
  }
  console.log(`\n这是演练，没有发送。${site && token ? '确认无误后加上 --send 提交。' : '提交前需要设置 BAIDU_SITE 和 BAIDU_TOKEN，再加上 --send。'}`);
  process.exit(0);
}

if (!site || !token) fail('需要环境变量 BAIDU_SITE（在百度搜索资源平台验证过的站点）和 BAIDU_TOKEN（普通收录 → API 提交页面上的 token）。');
let sent = 0;
for (const [i, request] of requests.entries()) {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
  const result = parseBaiduResponse(response.status, await response.text());
  if (!result.ok) fail(`第 ${i + 1} 批提交失败：${result.message}。已成功 ${sent} 个。`);
  sent += result.success ?? 0;
  console.log(`第 ${i + 1}/${requests.length} 批：成功 ${result.success}，今天还能提交 ${result.remain} 个。`);
  for (const u of result.notSameSite ?? []) console.warn(`  不是本站网址：${u}`);
  for (const u of result.notValid ?? []) console.warn(`  不合法的网址：${u}`);
  if (result.remain === 0 && i < requests.length - 1) {
    console.warn(`今天的额度用完了，剩下 ${requests.slice(i + 1).reduce((n, r) => n + r.count, 0)} 个网址明天再提交（可以用 --since 只提交新的）。`);
    break;
  }
}
console.log(`完成：百度接受了 ${sent} 个网址。`);
