/**
 * Content Security Policy in a real browser: every page type, the search page, the
 * header search, a calculator and the theme toggle, under the policy Astro writes into
 * each page (<meta http-equiv>) and again with the headers a host sends from
 * dist/_headers on top. Any CSP violation, console error or page error fails.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { DIST, htmlFiles } from '../support/dist.ts';
import { openHeaderSearch, pageTypes, waitForSearchPage } from '../support/page-types.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

let server: StaticServer;
let browser: Browser;
/** The same site behind a proxy that adds the "/*" headers of dist/_headers, like a host. */
let hosted: { url: string; server: Server };

beforeAll(async () => {
  server = await serveStatic(DIST);
  browser = await launchBrowser();
  const extra = hostHeaders();
  const proxy = createServer((req, res) => {
    get(server.url + (req.url ?? '/'), (upstream) => {
      res.writeHead(upstream.statusCode ?? 502, { ...upstream.headers, ...extra });
      upstream.pipe(res);
    }).on('error', () => res.writeHead(502).end());
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  const address = proxy.address();
  if (!address || typeof address === 'string') throw new Error('proxy did not start');
  hosted = { url: `http://127.0.0.1:${address.port}`, server: proxy };
});
afterAll(async () => {
  await browser?.close();
  await new Promise((done) => hosted?.server.close(done));
  await server?.close();
});

/** The headers of the "/*" rule in dist/_headers, as a host would send them. */
function hostHeaders(): Record<string, string> {
  const text = readFileSync(join(DIST, '_headers'), 'utf8');
  const block = text.split(/\n(?=\S)/).find((b) => b.startsWith('/*\n'));
  if (!block) throw new Error(`${DIST}/_headers has no "/*" rule`);
  return Object.fromEntries(
    block
      .split('\n')
      .slice(1)
      .filter((line) => line.trim() !== '')
      .map((line) => line.trim().split(/:\s(.*)/s).slice(0, 2) as [string, string]),
  );
}

interface Watched {
  context: BrowserContext;
  page: Page;
  /** Violations, console errors and page errors seen so far. */
  problems(): Promise<string[]>;
}

async function watch(withHeaders: boolean): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, baseURL: withHeaders ? hosted.url : server.url });
  // Registered before any page script: collects every violation, also those in workers'
  // documents and those a later navigation would otherwise hide.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
    });
  });
  const page = await context.newPage();
  const logged: string[] = [];
  const collected: string[] = [];
  page.on('console', (m) => {
    // The 404 page is served with status 404 on purpose; Chromium logs that as an error.
    if (/status of 404/.test(m.text()) && m.location().url.endsWith('/no-such-page/')) return;
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) logged.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => logged.push(`pageerror: ${e.message}`));
  const read = async () => {
    try {
      collected.push(...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp?.splice(0) ?? [])));
    } catch {
      // the page was navigating; its list is gone with it, the console still has the report
    }
  };
  return {
    context,
    page,
    async problems() {
      await read();
      return [...collected, ...logged];
    },
  };
}

describe.each([
  ['the page’s own policy (meta)', false],
  ['the page’s policy plus the host headers from _headers', true],
] as const)('no CSP violation or console error under %s', (_label, withHeaders) => {
  it.each(pageTypes())('$name ($path)', async ({ path }) => {
    const { context, page, problems } = await watch(withHeaders);
    await page.goto(path);
    if (path.startsWith('/search/')) {
      await waitForSearchPage(page);
      expect(await page.locator('[data-search-results] a').count(), 'the search found articles').toBeGreaterThan(0);
    }
    await page.waitForLoadState('networkidle');
    expect(await problems()).toEqual([]);
    await context.close();
  });

  it('search: the search page, then the header box', async () => {
    const { context, page, problems } = await watch(withHeaders);
    await page.goto(`/search/?q=${encodeURIComponent('租机')}`);
    await waitForSearchPage(page);
    expect(await page.locator('[data-search-results] a').count()).toBeGreaterThan(0);
    // The titles answer 租机; the full text (Pagefind's worker and WebAssembly) on request.
    await page.click('[data-search-more-button]');
    await page.locator('[data-search-more]').waitFor({ state: 'hidden' });
    await waitForSearchPage(page);
    await page.waitForLoadState('networkidle');
    expect(await problems()).toEqual([]);

    await page.goto(`/articles/phone-leasing-process/`);
    await openHeaderSearch(page, '押金');
    expect(await problems()).toEqual([]);
    await page.keyboard.press('Enter');
    await page.waitForLoadState('networkidle');
    if (page.url().includes('/search/')) {
      await waitForSearchPage(page);
      expect(await page.locator('[data-search-results] a').count()).toBeGreaterThan(0);
    }
    expect(await problems()).toEqual([]);
    await context.close();
  });

  it('a calculator recomputes, and the theme toggle switches', async () => {
    const { context, page, problems } = await watch(withHeaders);
    await page.goto(`/tools/`);
    await page.waitForSelector('[data-calculator][data-ready]', { state: 'attached' });
    const payment = page.locator('[data-calculator="installment"] [data-out="monthlyPayment"]').first();
    const before = await payment.innerText();
    await page.fill('#installment-price', '3999');
    await page.fill('#installment-periods', '24');
    await expect.poll(() => payment.innerText()).not.toBe(before);
    await page.getByRole('button', { name: '深色模式' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await problems()).toEqual([]);
    await context.close();
  });
});

describe('the policy is there and strict', () => {
  it('every page type carries a meta policy without unsafe-inline or unsafe-eval', () => {
    for (const { path } of pageTypes()) {
      const file = path === '/no-such-page/' ? '404.html' : join(path.split('?')[0]!, 'index.html');
      const html = readFileSync(join(DIST, file), 'utf8');
      const policy = html.match(/<meta http-equiv="content-security-policy" content="([^"]+)"/i)?.[1];
      expect(policy, file).toBeDefined();
      expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
      expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    }
  });

  it('every inline script and style on every page is allowed by the header policy too', () => {
    const header = hostHeaders()['Content-Security-Policy']!;
    const problems: string[] = [];
    for (const file of htmlFiles()) {
      const html = readFileSync(join(DIST, file), 'utf8');
      for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        if (/\bsrc=/.test(attrs!) || /type="application\/ld\+json"/.test(attrs!)) continue;
        const hash = `'sha256-${createHash('sha256').update(body!).digest('base64')}'`;
        if (!header.includes(hash)) problems.push(`${file}: inline <script${attrs}> (${hash}) is not in the header policy`);
      }
      if (/<style\b/i.test(html)) problems.push(`${file}: inline <style> (the policy allows only stylesheet files)`);
      if (/<[a-z][^>]*\sstyle="/i.test(html)) problems.push(`${file}: style="" attribute (blocked by style-src)`);
    }
    expect(problems).toEqual([]);
  });

  it('an injected inline script is blocked (the policy can fail)', async () => {
    const { context, page } = await watch(false);
    await page.goto(`/about/`);
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true;';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 50));
      return { ran: (window as unknown as { __injected?: boolean }).__injected === true, reported: (window as unknown as { __csp: string[] }).__csp.length };
    });
    expect(ran).toEqual({ ran: false, reported: 1 });
    await context.close();
  });
});
