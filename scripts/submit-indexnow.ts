/**
 * `npm run submit:indexnow`: tell Bing and the other IndexNow engines about the built
 * site's URLs.
 *
 *   npm run submit:indexnow                      # dry run: prints what it would send
 *   npm run submit:indexnow -- --send            # POST to api.indexnow.org
 *   … -- --since 2026-11-01    only pages whose sitemap <lastmod> is on or after that day
 *   … -- --dist /path/to/dist  another build folder (default: DIST_DIR or dist)
 *
 * The key is the committed public/<key>.txt (published at /<key>.txt), or INDEXNOW_KEY
 * if set — in which case public/<INDEXNOW_KEY>.txt must exist too, because the engines
 * fetch the key file from the site to verify it. INDEXNOW_ENDPOINT overrides the API URL.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { changedSince, findKeyFile, firstLines, indexNowRequests, indexNowStatus, INDEXNOW_API, sitemapUrls, urlProblems } from '../src/lib/seo-submit.ts';

const { values } = parseArgs({ options: { send: { type: 'boolean', default: false }, since: { type: 'string' }, dist: { type: 'string' } } });
const dist = values.dist ?? process.env.DIST_DIR ?? 'dist';
const fail = (message: string): never => {
  console.error(`submit:indexnow：${message}`);
  process.exit(1);
};
if (values.since && !/^\d{4}-\d{2}-\d{2}$/.test(values.since)) fail(`--since 要写成 YYYY-MM-DD，现在是 ${values.since}。`);
if (!existsSync(join(dist, 'sitemap-index.xml'))) fail(`${dist}/sitemap-index.xml 不存在：先运行 npm run build（部署用的网址由 SITE_URL 决定）。`);

const textFiles = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.txt')).map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') })) : [];
const key = process.env.INDEXNOW_KEY ?? findKeyFile(textFiles('public'));
if (!key) fail('找不到 IndexNow 密钥：public/ 里应有一个 <密钥>.txt（内容就是密钥），或设置 INDEXNOW_KEY。');
if (findKeyFile(textFiles(dist).filter((f) => f.name === `${key}.txt`)) !== key) {
  fail(`${dist}/${key}.txt 不存在或内容不是密钥：把密钥文件放进 public/ 后重新构建并部署，搜索引擎要从网站上读取它来验证。`);
}

const urls = changedSince(sitemapUrls((path) => readFileSync(join(dist, path), 'utf8')), values.since).map((e) => e.loc);
if (urls.length === 0) fail('站点地图里没有要提交的网址。');
const origin = new URL(urls[0]!).origin;
const host = new URL(origin).host;
const problems = urlProblems(urls, host);
if (problems.length) fail(`这些网址不能一起提交：\n  ${firstLines(problems)}`);

const requests = indexNowRequests(urls, { host, key: key!, keyLocation: `${origin}/${key}.txt`, endpoint: process.env.INDEXNOW_ENDPOINT ?? INDEXNOW_API });
console.log(`从 ${dist} 的站点地图读到 ${urls.length} 个网址${values.since ? `（${values.since} 及以后更新的）` : ''}，分 ${requests.length} 次提交（每次最多 10000 个）。`);

if (!values.send) {
  for (const [i, r] of requests.entries()) {
    const body = JSON.parse(r.body) as { host: string; key: string; keyLocation: string; urlList: string[] };
    console.log(`\n[${i + 1}/${requests.length}] POST ${r.url}\nContent-Type: ${r.headers['Content-Type']}\n${JSON.stringify({ ...body, urlList: [...body.urlList.slice(0, 5), ...(body.urlList.length > 5 ? [`…共 ${body.urlList.length} 个`] : [])] }, null, 2)}`);
  }
  console.log('\n这是演练，没有发送。确认网站上已能访问密钥文件后，加上 --send 提交。');
  process.exit(0);
}

for (const [i, request] of requests.entries()) {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
  const status = indexNowStatus(response.status);
  if (!status.ok) fail(`第 ${i + 1} 批提交失败：${status.message}。${(await response.text()).slice(0, 200)}`);
  console.log(`第 ${i + 1}/${requests.length} 批（${request.count} 个网址）：${status.message}。`);
}
