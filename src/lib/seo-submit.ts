/**
 * Telling search engines about new and changed pages: the URLs come from the built
 * sitemap, and the requests follow Baidu's link-submission API (普通收录 API 提交) and
 * the IndexNow protocol (Bing, Yandex, Seznam, Naver…). Building requests is pure, so it
 * is tested without a network; scripts/submit-*.ts send them.
 */
import { BAIDU } from './seo.ts';

export interface SitemapEntry {
  loc: string;
  lastmod?: string;
}

const decodeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The <url> entries of a sitemap, or the child sitemaps of a <sitemapindex>. */
export function parseSitemap(xml: string): { kind: 'index' | 'urlset'; entries: SitemapEntry[] } {
  const kind = /<sitemapindex[\s>]/.test(xml) ? 'index' : 'urlset';
  const tag = kind === 'index' ? 'sitemap' : 'url';
  const entries = [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].flatMap((m) => {
    const loc = m[1]!.match(/<loc>([^<]+)<\/loc>/)?.[1];
    const lastmod = m[1]!.match(/<lastmod>([^<]+)<\/lastmod>/)?.[1];
    return loc ? [{ loc: decodeXml(loc.trim()), ...(lastmod ? { lastmod: lastmod.trim() } : {}) }] : [];
  });
  return { kind, entries };
}

/**
 * Every page URL in a built site, starting from its sitemap index. `read` returns a
 * file's text by its site path (e.g. /sitemap-0.xml), so tests need no files.
 */
export function sitemapUrls(read: (sitePath: string) => string, indexPath = '/sitemap-index.xml'): SitemapEntry[] {
  const index = parseSitemap(read(indexPath));
  if (index.kind === 'urlset') return index.entries;
  return index.entries.flatMap((child) => parseSitemap(read(new URL(child.loc).pathname)).entries);
}

/**
 * URLs changed on or after `since` (YYYY-MM-DD). Pages without a <lastmod> (lists, tags)
 * are left out then: they are not new content, and daily quotas are small.
 */
export function changedSince(entries: readonly SitemapEntry[], since?: string): SitemapEntry[] {
  if (!since) return [...entries];
  return entries.filter((e) => e.lastmod !== undefined && e.lastmod.slice(0, 10) >= since);
}

/** The first few lines of a long list, and how many more there are. */
export const firstLines = (lines: readonly string[], count = 5) =>
  [...lines.slice(0, count), ...(lines.length > count ? [`…另有 ${lines.length - count} 条`] : [])].join('\n  ');

export interface PlannedRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  /** How many page URLs the request carries. */
  count: number;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export const BAIDU_API = 'http://data.zz.baidu.com/urls';
/** Baidu takes at most 2000 URLs per push (and 10 MB per body); the daily quota is in `remain`. */
export const BAIDU_BATCH = 2000;

/**
 * Baidu's push API: POST text/plain, one URL per line, to
 * data.zz.baidu.com/urls?site=<site as verified in 搜索资源平台>&token=<token>.
 */
export function baiduRequests(urls: readonly string[], options: { site: string; token: string; batchSize?: number }): PlannedRequest[] {
  const endpoint = `${BAIDU_API}?${new URLSearchParams({ site: options.site, token: options.token })}`;
  return chunk(urls, options.batchSize ?? BAIDU_BATCH).map((batch) => ({
    url: endpoint,
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: batch.join('\n'),
    count: batch.length,
  }));
}

export interface BaiduResult {
  ok: boolean;
  success?: number;
  remain?: number;
  notSameSite?: string[];
  notValid?: string[];
  message?: string;
}

/** Baidu answers {"remain","success","not_same_site","not_valid"} or {"error","message"}. */
export function parseBaiduResponse(status: number, text: string): BaiduResult {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { ok: false, message: `HTTP ${status}：${text.slice(0, 200)}` };
  }
  if (status !== 200 || 'error' in data) return { ok: false, message: `HTTP ${status}，错误 ${String(data.error ?? status)}：${String(data.message ?? '')}` };
  return {
    ok: true,
    success: Number(data.success ?? 0),
    remain: Number(data.remain ?? 0),
    notSameSite: (data.not_same_site as string[] | undefined) ?? [],
    notValid: (data.not_valid as string[] | undefined) ?? [],
  };
}

export const INDEXNOW_API = 'https://api.indexnow.org/indexnow';
/** IndexNow takes up to 10,000 URLs per POST. */
export const INDEXNOW_BATCH = 10_000;
/** IndexNow keys: 8–128 characters of a–z, A–Z, 0–9 and “-”. */
export const INDEXNOW_KEY_PATTERN = /^[A-Za-z0-9-]{8,128}$/;

/**
 * IndexNow: POST JSON {host, key, keyLocation, urlList}. The key file must be served at
 * keyLocation and hold the key; every URL must be on `host`.
 */
export function indexNowRequests(
  urls: readonly string[],
  options: { host: string; key: string; keyLocation: string; endpoint?: string; batchSize?: number },
): PlannedRequest[] {
  if (!INDEXNOW_KEY_PATTERN.test(options.key)) throw new Error(`IndexNow 密钥“${options.key}”不合格：应为 8–128 位字母、数字或连字符。`);
  return chunk(urls, options.batchSize ?? INDEXNOW_BATCH).map((batch) => ({
    url: options.endpoint ?? INDEXNOW_API,
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ host: options.host, key: options.key, keyLocation: options.keyLocation, urlList: batch }),
    count: batch.length,
  }));
}

/** What IndexNow's status codes mean, for the person running the script. */
export function indexNowStatus(status: number): { ok: boolean; message: string } {
  const messages: Record<number, string> = {
    200: '已收到',
    202: '已收到，密钥待验证',
    400: '请求格式不对',
    403: '密钥无效：检查网站上的密钥文件是否可以访问、内容是否就是密钥',
    422: '网址不属于该 host，或密钥与 host 不匹配',
    429: '请求太频繁，稍后再试',
  };
  return { ok: status === 200 || status === 202, message: messages[status] ?? `HTTP ${status}` };
}

/**
 * The IndexNow key published by the site: a `<key>.txt` file whose content is the key.
 * Returns the key, or undefined when no such file is among `files`.
 */
export function findKeyFile(files: readonly { name: string; text: string }[]): string | undefined {
  for (const file of files) {
    const key = file.name.replace(/\.txt$/, '');
    if (file.name.endsWith('.txt') && INDEXNOW_KEY_PATTERN.test(key) && file.text.trim() === key) return key;
  }
  return undefined;
}

/** URLs a submission must leave out: other hosts, or <loc>s longer than Baidu reads. */
export function urlProblems(urls: readonly string[], host: string): string[] {
  return urls.flatMap((u) => {
    const problems: string[] = [];
    if (new URL(u).host !== host) problems.push(`${u}：不属于 ${host}`);
    if (new TextEncoder().encode(u).length > BAIDU.maxLocBytes) problems.push(`${u}：超过 ${BAIDU.maxLocBytes} 字节`);
    return problems;
  });
}

/** The request with its secret replaced, for dry runs and logs. */
export function redact(request: PlannedRequest, secret: string): PlannedRequest {
  return secret ? { ...request, url: request.url.split(encodeURIComponent(secret)).join('***').split(secret).join('***') } : request;
}
