/**
 * Accessibility gate: axe-core (the Deque engine, not rules written here) on every page
 * type, in the light and the dark colour scheme, at phone and desktop widths, including
 * with the header search open. WCAG 2.2 AA plus axe's best practices; zero violations.
 * Then two things axe cannot see: the focused element is never hidden behind the header
 * or a fixed button (WCAG 2.4.11), and the theme toggle keeps contrast too.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openHeaderSearch, pageTypes, waitForSearchPage } from '../support/page-types.ts';
import { useServedSite } from '../support/served-site.ts';

// Evaluated through the DevTools protocol rather than added as a <script>: the site's
// Content Security Policy rightly blocks injected inline scripts.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;

const site = useServedSite();

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: AxeNode[];
}

/** axe's violations as short readable lines: rule, impact, what, where (first three nodes). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations;
  }, TAGS);
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .slice(0, 3)
        .map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
        .join('\n'),
  );
}

async function open(path: string, scheme: 'light' | 'dark', viewport: keyof typeof VIEWPORTS): Promise<Page> {
  const page = await site.browser.newPage({ viewport: VIEWPORTS[viewport], colorScheme: scheme, reducedMotion: 'reduce' });
  const response = await page.goto(site.server.url + path);
  expect(response, path).not.toBeNull();
  if (path.startsWith('/search/')) await waitForSearchPage(page);
  return page;
}

describe.each(['light', 'dark'] as const)('axe: zero violations, %s scheme', (scheme) => {
  // Colours differ by scheme, layout by width: phone in both schemes, desktop in one.
  for (const viewport of scheme === 'light' ? (['phone', 'desktop'] as const) : (['phone'] as const)) {
    it.each(pageTypes())(`$name ($path), ${viewport}`, async ({ path }) => {
      const page = await open(path, scheme, viewport);
      if (path.startsWith('/search/')) expect(await page.locator('[data-search-results] a').count(), 'search shows results').toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }

  it('header search open with results shown', async () => {
    const page = await open('/articles/phone-leasing-process/', scheme, 'phone');
    const kind = await openHeaderSearch(page);
    expect(await axeViolations(page), `header search (${kind})`).toEqual([]);
    await page.close();
  });

  it('FAQ answers open and the calculator showing a problem', async () => {
    const article = pageTypes().find((p) => p.name === 'article')!.path;
    const page = await open(article, scheme, 'phone');
    for (const summary of await page.locator('.faq__item summary').all()) await summary.click();
    expect(await axeViolations(page), article).toEqual([]);
    await page.close();

    const tools = await open('/tools/', scheme, 'phone');
    const price = tools.locator('[data-calculator] input').first();
    await price.fill('-5');
    await price.press('Tab');
    await tools.waitForTimeout(500);
    expect(await axeViolations(tools), '/tools/ with an invalid input').toEqual([]);
    await tools.close();
  });
});

describe('the theme toggle', () => {
  // A chosen theme against the system's: every colour rule must follow data-theme, not
  // only prefers-color-scheme, or text ends up dark on dark.
  it.each([
    ['light', 'dark', 'rgb(20, 24, 28)'],
    ['dark', 'light', 'rgb(255, 255, 255)'],
  ] as const)('system %s, reader chooses %s: contrast holds on every page type', async (system, chosen, background) => {
    const context = await site.browser.newContext({ viewport: VIEWPORTS.phone, colorScheme: system, reducedMotion: 'reduce' });
    const first = await context.newPage();
    await first.goto(site.server.url + '/');
    const toggle = first.getByRole('button', { name: '深色模式' });
    expect(await toggle.getAttribute('aria-pressed')).toBe(String(system === 'dark'));
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe(String(chosen === 'dark'));
    await first.close();
    // The choice is remembered: every later page opens in it, before the first paint.
    for (const { path } of pageTypes()) {
      const page = await context.newPage();
      await page.goto(site.server.url + path);
      if (path.startsWith('/search/')) await waitForSearchPage(page);
      expect(await page.evaluate(() => document.documentElement.dataset.theme), path).toBe(chosen);
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), path).toBe(background);
      expect(await axeViolations(page), path).toEqual([]);
      await page.close();
    }
    await context.close();
  });

  it('does not flash: the first paint already has the chosen theme', async () => {
    const context = await site.browser.newContext({ viewport: VIEWPORTS.phone, colorScheme: 'light' });
    await context.addInitScript(() => localStorage.setItem('theme', 'dark'));
    const page = await context.newPage();
    // Read the theme as soon as <body> exists, before any stylesheet or module script ran.
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(site.server.url + '/about/', { waitUntil: 'commit' });
    await page.waitForSelector('body', { state: 'attached' });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await context.close();
  });

  it('stays hidden without JavaScript, where it could not work', async () => {
    const context = await site.browser.newContext({ viewport: VIEWPORTS.phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.server.url + '/');
    expect(await page.locator('[data-theme-toggle]').isVisible()).toBe(false);
    await context.close();
  });
});

describe('print', () => {
  it('prints an article without header, search, navigation or buttons, with every FAQ answer', async () => {
    const article = pageTypes().find((p) => p.name === 'article')!.path;
    const page = await open(article, 'dark', 'desktop');
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    for (const selector of ['.site-header', '.search-form', '.category-nav', '.toc', '.related', '.prev-next', '.back-to-top', '.breadcrumbs', '.theme-toggle', '.tag-list']) {
      const shown = await page.locator(selector).evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null || getComputedStyle(el).position === 'fixed' && getComputedStyle(el).display !== 'none').length);
      expect(shown, selector).toBe(0);
    }
    const answers = page.locator('.faq__item p');
    expect(await answers.count()).toBeGreaterThan(0);
    for (const answer of await answers.all()) expect(await answer.isVisible()).toBe(true);
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor])).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
    await page.close();
  });
});

describe('focus is never hidden behind the header or a fixed button (WCAG 2.4.11)', () => {
  it.each(['phone', 'desktop'] as const)('tabbing through an article, %s', async (viewport) => {
    const page = await open('/articles/phone-leasing-process/', 'light', viewport);
    // Start half-way down, so the fixed back-to-top button is showing and anything sticky is stuck.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await page.waitForTimeout(100);
    const hidden: string[] = [];
    // One full pass: from the skip link to the last element, stopping when focus comes back around.
    for (let i = 0; i < 300; i++) {
      await page.keyboard.press('Tab');
      // What the reader sees once the page has settled (style and scroll can lag the key
      // press by a frame or two in headless Chromium): re-check for up to half a second.
      let problem: string | null = null;
      for (let attempt = 0; attempt < 10; attempt++) {
        if (attempt > 0) await page.waitForTimeout(50);
        problem = await focusProblem(page);
        if (problem === null || problem === 'done') break;
      }
      if (problem === 'done') break;
      if (problem) hidden.push(problem);
    }
    expect(hidden).toEqual([]);
    expect(await page.locator('[data-a11y-visited]').count(), 'elements visited').toBeGreaterThan(30);
    await page.close();
  });
});

/** Why the focused element is not visible, or null when it is; 'done' after a full pass. */
function focusProblem(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    // Past the last element focus leaves for the browser's own UI, and nothing is focused.
    if (!el || el === document.body || !document.hasFocus()) return null;
    if (el.dataset.a11yVisited === 'ok') return 'done';
    const r = el.getBoundingClientRect();
    const name = `${el.tagName.toLowerCase()} “${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 30)}”`;
    if (r.width === 0 || r.height === 0) return null; // skip link while off screen etc.
    if (r.bottom <= 0 || r.top >= innerHeight) return `${name} is outside the viewport (${Math.round(r.top)}–${Math.round(r.bottom)} of ${innerHeight})`;
    // The centre of the focused element must be the element itself (or inside it), not
    // a header, toolbar or button painted over it.
    const x = Math.min(Math.max(r.left + r.width / 2, 1), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 1), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    if (hit && !el.contains(hit) && !hit.contains(el)) return `${name} is covered by ${hit.tagName.toLowerCase()}.${hit.className}`;
    el.dataset.a11yVisited = 'ok';
    return null;
  });
}
