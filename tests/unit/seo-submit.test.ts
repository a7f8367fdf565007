/** Submitting URLs to Baidu and IndexNow: what is collected and sent, with no network. */
import { describe, expect, it } from 'vitest';
import {
  baiduRequests,
  changedSince,
  findKeyFile,
  indexNowRequests,
  indexNowStatus,
  parseBaiduResponse,
  parseSitemap,
  redact,
  sitemapUrls,
  urlProblems,
} from '../../src/lib/seo-submit.ts';

// What @astrojs/sitemap writes (one line, no whitespace), with an &amp; to decode.
const files: Record<string, string> = {
  '/sitemap-index.xml':
    '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://fenqi.example.com/sitemap-0.xml</loc></sitemap><sitemap><loc>https://fenqi.example.com/sitemap-1.xml</loc></sitemap></sitemapindex>',
  '/sitemap-0.xml':
    '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://fenqi.example.com/</loc></url><url><loc>https://fenqi.example.com/articles/lease-early-return/</loc><lastmod>2026-11-20T00:00:00.000Z</lastmod></url></urlset>',
  '/sitemap-1.xml':
    '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://fenqi.example.com/articles/phone-leasing-explained/</loc><lastmod>2026-10-01T00:00:00.000Z</lastmod></url><url><loc>https://fenqi.example.com/tags/?a=1&amp;b=2</loc></url></urlset>',
};
const read = (path: string) => {
  const text = files[path];
  if (text === undefined) throw new Error(`no ${path}`);
  return text;
};

describe('URLs from the sitemap', () => {
  it('follows the index into every child sitemap, keeping <lastmod> and decoding entities', () => {
    expect(sitemapUrls(read)).toEqual([
      { loc: 'https://fenqi.example.com/' },
      { loc: 'https://fenqi.example.com/articles/lease-early-return/', lastmod: '2026-11-20T00:00:00.000Z' },
      { loc: 'https://fenqi.example.com/articles/phone-leasing-explained/', lastmod: '2026-10-01T00:00:00.000Z' },
      { loc: 'https://fenqi.example.com/tags/?a=1&b=2' },
    ]);
    expect(parseSitemap(files['/sitemap-index.xml']!).kind).toBe('index');
  });

  it('--since keeps only pages dated on or after the day', () => {
    expect(changedSince(sitemapUrls(read), '2026-11-20').map((e) => e.loc)).toEqual(['https://fenqi.example.com/articles/lease-early-return/']);
    expect(changedSince(sitemapUrls(read))).toHaveLength(4);
  });

  it('flags URLs of another host and <loc>s over 256 bytes', () => {
    const long = `https://fenqi.example.com/articles/${'a'.repeat(230)}/`;
    expect(urlProblems(['https://fenqi.example.com/', 'https://other.example.com/', long], 'fenqi.example.com')).toEqual([
      'https://other.example.com/：不属于 fenqi.example.com',
      `${long}：超过 256 字节`,
    ]);
  });
});

describe('Baidu link submission', () => {
  const urls = Array.from({ length: 4500 }, (_, i) => `https://fenqi.example.com/articles/a-${i}/`);

  it('posts text/plain, one URL a line, at most 2000 per request, to the site and token given', () => {
    const requests = baiduRequests(urls, { site: 'https://fenqi.example.com', token: 'T0ken+/=' });
    expect(requests.map((r) => r.count)).toEqual([2000, 2000, 500]);
    expect(requests[0]).toMatchObject({ method: 'POST', headers: { 'Content-Type': 'text/plain' } });
    expect(requests[0]!.url).toBe('http://data.zz.baidu.com/urls?site=https%3A%2F%2Ffenqi.example.com&token=T0ken%2B%2F%3D');
    expect(requests[2]!.body.split('\n')).toEqual(urls.slice(4000));
  });

  it('hides the token in what a dry run prints', () => {
    const [request] = baiduRequests(urls.slice(0, 1), { site: 'fenqi.example.com', token: 'T0ken+/=' });
    expect(redact(request!, 'T0ken+/=').url).toBe('http://data.zz.baidu.com/urls?site=fenqi.example.com&token=***');
  });

  it('reads success, the remaining quota, and errors', () => {
    expect(parseBaiduResponse(200, '{"remain":4999998,"success":2,"not_same_site":[],"not_valid":["x"]}')).toEqual({
      ok: true,
      success: 2,
      remain: 4999998,
      notSameSite: [],
      notValid: ['x'],
    });
    expect(parseBaiduResponse(401, '{"error":401,"message":"token is not valid"}')).toEqual({ ok: false, message: 'HTTP 401，错误 401：token is not valid' });
    expect(parseBaiduResponse(502, '<html>Bad Gateway</html>').ok).toBe(false);
  });
});

describe('IndexNow', () => {
  const key = '9f24f06963caab10ac35b8f228710d51';

  it('posts JSON with host, key, keyLocation and up to 10,000 URLs', () => {
    const urls = Array.from({ length: 10_001 }, (_, i) => `https://fenqi.example.com/articles/a-${i}/`);
    const requests = indexNowRequests(urls, { host: 'fenqi.example.com', key, keyLocation: `https://fenqi.example.com/${key}.txt` });
    expect(requests.map((r) => r.count)).toEqual([10_000, 1]);
    expect(requests[1]).toEqual({
      url: 'https://api.indexnow.org/indexnow',
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ host: 'fenqi.example.com', key, keyLocation: `https://fenqi.example.com/${key}.txt`, urlList: ['https://fenqi.example.com/articles/a-10000/'] }),
      count: 1,
    });
  });

  it('refuses a key the protocol does not allow', () => {
    expect(() => indexNowRequests([], { host: 'x', key: 'short', keyLocation: 'x' })).toThrow('IndexNow 密钥“short”不合格');
  });

  it('finds the key file: named after the key, holding the key', () => {
    expect(findKeyFile([{ name: 'robots.txt', text: 'User-agent: *' }, { name: `${key}.txt`, text: `${key}\n` }])).toBe(key);
    expect(findKeyFile([{ name: `${key}.txt`, text: 'something else' }])).toBeUndefined();
  });

  it('explains the status codes', () => {
    expect(indexNowStatus(202)).toEqual({ ok: true, message: '已收到，密钥待验证' });
    expect(indexNowStatus(403).ok).toBe(false);
  });
});
