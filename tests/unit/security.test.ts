/**
 * The security policy (src/lib/security.ts), the theme script it allows by hash
 * (src/lib/theme.ts), the external-link rules (src/lib/external-links.ts), and the
 * deploy files generated from them.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { EXTERNAL_MARK_TEXT, externalLink, externalMark } from '../../src/lib/external-links.ts';
import { astroCsp, headerCsp, headersFile, nginxConf, securityHeaders } from '../../src/lib/security.ts';
import { THEME_SCRIPT, THEME_SCRIPT_HASH } from '../../src/lib/theme.ts';

const SITE = 'https://fenqi.example.com';

describe('externalLink', () => {
  it('leaves links on the site alone', () => {
    for (const href of ['/articles/x/', '#faq', '../x/', '?q=1', `${SITE}/about/`, 'https://www.fenqi.example.com/', 'mailto:a@b.cn', 'tel:12315', 'javascript:alert(1)'])
      expect(externalLink(href, undefined, { siteUrl: SITE }), href).toBeUndefined();
    expect(externalLink(undefined, undefined, { siteUrl: SITE })).toBeUndefined();
  });
  it('adds noopener noreferrer and nofollow to commercial hosts', () => {
    expect(externalLink('https://www.zhima.alipay.com/x?a=1', undefined, { siteUrl: SITE })).toEqual({
      rel: ['noopener', 'noreferrer', 'nofollow'],
      commercial: true,
      host: 'www.zhima.alipay.com',
    });
    expect(externalLink('//jd.com/', undefined, { siteUrl: SITE })?.rel).toEqual(['noopener', 'noreferrer', 'nofollow']);
    expect(externalLink('HTTP://EXAMPLE.ORG', undefined, { siteUrl: SITE })?.host).toBe('example.org');
  });
  it('keeps follow for public authorities, and their subdomains only', () => {
    for (const href of ['https://www.gov.cn/zhengce/', 'https://wenshu.court.gov.cn/', 'https://www.12315.cn/', 'https://zh.wikipedia.org/wiki/x'])
      expect(externalLink(href, undefined, { siteUrl: SITE }), href).toMatchObject({ rel: ['noopener', 'noreferrer'], commercial: false });
    expect(externalLink('https://fakegov.cn/', undefined, { siteUrl: SITE })?.commercial).toBe(true);
    expect(externalLink('https://gov.cn.evil.com/', undefined, { siteUrl: SITE })?.commercial).toBe(true);
  });
  it('keeps what the author wrote, without duplicates', () => {
    expect(externalLink('https://a.com/', ['sponsored', 'noopener'], { siteUrl: SITE })?.rel).toEqual(['sponsored', 'noopener', 'noreferrer', 'nofollow']);
    expect(externalLink('https://a.com/', 'me  NoFollow', { siteUrl: SITE })?.rel).toEqual(['me', 'nofollow', 'noopener', 'noreferrer']);
  });
  it('marks the link for the eye and for screen readers', () => {
    const mark = externalMark();
    expect(mark.properties.className).toEqual(['external-mark']);
    expect(JSON.stringify(mark)).toContain('"ariaHidden":"true"');
    expect(JSON.stringify(mark)).toContain(EXTERNAL_MARK_TEXT);
  });
});

/** Runs THEME_SCRIPT against a stand-in browser: stored choice, system scheme, toggle clicks. */
function themeWorld(stored: string | null, systemDark: boolean, storageThrows = false) {
  const attrs = new Map<string, string>();
  const store = new Map<string, string>(stored === null ? [] : [['theme', stored]]);
  const listeners: Record<string, ((e: unknown) => void)[]> = {};
  const button = { pressed: '', setAttribute: (_: string, v: string) => (button.pressed = v), closest: () => button };
  const media = { matches: systemDark, addEventListener: (_: string, f: () => void) => (listeners.media ??= []).push(f) };
  const on = (name: string) => (type: string, f: (e: unknown) => void) => (listeners[`${name}:${type}`] ??= []).push(f);
  const localStorage = {
    getItem: (k: string) => {
      if (storageThrows) throw new Error('blocked');
      return store.get(k) ?? null;
    },
    setItem: (k: string, v: string) => store.set(k, v),
    removeItem: (k: string) => store.delete(k),
  };
  const document = {
    documentElement: { setAttribute: (k: string, v: string) => attrs.set(k, v), getAttribute: (k: string) => attrs.get(k) ?? null },
    querySelectorAll: () => [button],
    addEventListener: on('document'),
  };
  const window = { matchMedia: () => media, addEventListener: on('window') };
  runInNewContext(THEME_SCRIPT, { window, document, localStorage });
  return {
    theme: () => attrs.get('data-theme'),
    stored: () => store.get('theme') ?? null,
    pressed: () => button.pressed,
    click: () => listeners['document:click']!.forEach((f) => f({ target: button })),
    systemChanges: (dark: boolean) => {
      media.matches = dark;
      listeners.media!.forEach((f) => f({}));
    },
  };
}

describe('THEME_SCRIPT', () => {
  it('follows the system until the reader chooses', () => {
    expect(themeWorld(null, false).theme()).toBe('light');
    const w = themeWorld(null, true);
    expect([w.theme(), w.pressed()]).toEqual(['dark', 'true']);
    w.systemChanges(false);
    expect(w.theme()).toBe('light');
  });
  it('a stored choice wins over the system, and survives a system change', () => {
    const w = themeWorld('dark', false);
    expect(w.theme()).toBe('dark');
    w.systemChanges(false);
    expect(w.theme()).toBe('dark');
    expect(themeWorld('purple', true).theme()).toBe('dark');
  });
  it('the toggle flips the theme; choosing what the system shows forgets the choice', () => {
    const w = themeWorld(null, false);
    w.click();
    expect([w.theme(), w.stored(), w.pressed()]).toEqual(['dark', 'dark', 'true']);
    w.click();
    expect([w.theme(), w.stored(), w.pressed()]).toEqual(['light', null, 'false']);
  });
  it('works when storage is blocked', () => {
    const w = themeWorld(null, true, true);
    expect(w.theme()).toBe('dark');
    w.click();
    expect(w.theme()).toBe('light');
  });
  it('is allowed by the hash the policy lists', () => {
    expect(THEME_SCRIPT_HASH).toBe(`sha256-${createHash('sha256').update(THEME_SCRIPT).digest('base64')}`);
    expect(astroCsp().scriptDirective.hashes).toContain(THEME_SCRIPT_HASH);
    expect(headerCsp()).toContain(`'${THEME_SCRIPT_HASH}'`);
  });
});

describe('the policy', () => {
  it('has no unsafe-inline or unsafe-eval, and allows Pagefind', () => {
    const csp = headerCsp();
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(csp).toMatch(/(^|; )script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    expect(csp).toMatch(/(^|; )worker-src 'self'(;|$)/);
    expect(csp).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
    expect(csp).toMatch(/(^|; )object-src 'none'(;|$)/);
    // Browsers ignore these in a <meta> and print a warning.
    expect(astroCsp().directives.join(' ')).not.toMatch(/frame-ancestors|report-uri|sandbox/);
  });
});

describe('headers for hosts', () => {
  const required = ['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy', 'Strict-Transport-Security', 'X-Frame-Options'];
  const routes = ['/404.html', '/_astro/', '/about/', '/articles/', '/favicon.svg', '/pagefind/', '/rss.xml'];

  it('_headers: security headers on every path, a year for hashed files, revalidation for pages', () => {
    const file = headersFile(routes);
    const rules = new Map(
      file
        .split(/\n(?=\/)/)
        .filter((b) => b.startsWith('/'))
        .map((b) => [b.split('\n')[0]!, b.split('\n').slice(1).join('\n')]),
    );
    for (const name of required) expect(rules.get('/*'), name).toContain(`  ${name}: `);
    expect(rules.get('/*')).toContain(`Content-Security-Policy: ${headerCsp()}`);
    expect(rules.get('/*')).not.toContain('Cache-Control');
    for (const path of ['/_astro/*', '/pagefind/index/*', '/pagefind/fragment/*']) expect(rules.get(path), path).toContain('Cache-Control: public, max-age=31536000, immutable');
    for (const path of ['/', '/articles/*', '/articles/', '/about/*', '/404.html', '/rss.xml']) expect(rules.get(path), path).toContain('Cache-Control: public, max-age=0, must-revalidate');
    // Hosts merge every matching rule: an immutable folder must not also get revalidation.
    expect([...rules.keys()].filter((k) => k.startsWith('/_astro') || k.startsWith('/pagefind'))).toEqual(['/_astro/*', '/pagefind/index/*', '/pagefind/fragment/*', '/pagefind/filter/*']);
  });

  it('deploy/nginx.conf is generated from the policy (run `npm run deploy:nginx` after changing it)', () => {
    expect(readFileSync('deploy/nginx.conf', 'utf8')).toBe(nginxConf());
  });

  it('nginx.conf sends every header in every location, even on errors', () => {
    const conf = nginxConf();
    const locations = conf.split(/\n    location /).slice(1);
    expect(locations.length).toBeGreaterThanOrEqual(5);
    for (const block of locations) {
      for (const [name, value] of securityHeaders()) expect(block, `${name} in location ${block.split('\n')[0]}`).toContain(`add_header ${name} "${value}" always;`);
      expect(block).toMatch(/add_header Cache-Control "public, max-age=(31536000, immutable|0, must-revalidate)" always;/);
    }
    expect(conf).toContain('location ^~ /_astro/ {');
    expect(conf).toContain('error_page 404 /404.html;');
  });
});
