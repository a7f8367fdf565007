/**
 * The calculators on /tools/ in headless Chromium: real input typed into the forms, the
 * results read off the page. Expected values are the ones in tests/unit/finance.test.ts
 * (bisection references, spreadsheet formulas noted there and here).
 *
 * Serves DIST_DIR (default dist/), e.g. a fixture build:
 *   DIST_DIR=/tmp/calc-dist vitest run tests/browser/calculators.test.ts
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

let server: StaticServer;
let browser: Browser;
/** Console errors and page errors of the pages opened by the current test. */
let problems: string[] = [];
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  server = await serveStatic(process.env.DIST_DIR ?? 'dist');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  const seen = problems;
  problems = [];
  expect(seen, 'console errors or page errors').toEqual([]);
});

async function openTools(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  closers.push(() => context.close());
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  const response = await page.goto(`${server.url}/tools/`);
  expect(response?.status()).toBe(200);
  if (options.javaScriptEnabled !== false) {
    await page.waitForSelector('[data-calculator="installment"][data-ready]', { state: 'attached' });
    await page.waitForSelector('[data-calculator="lease"][data-ready]', { state: 'attached' });
  }
  return page;
}

/** Text of the first match inside a calculator. */
function reader(page: Page, calculator: 'installment' | 'lease') {
  return (selector: string) => page.locator(`[data-calculator="${calculator}"] ${selector}`).first().innerText();
}

/** Waits (through the input debounce) until the element shows the expected text. */
async function expectText(read: (selector: string) => Promise<string>, selector: string, expected: string | RegExp) {
  const poll = expect.poll(() => read(selector), { timeout: 5_000, interval: 50 });
  if (typeof expected === 'string') await poll.toBe(expected);
  else await poll.toMatch(expected);
}

async function expectNoBrokenNumbers(page: Page) {
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/NaN|Infinity|undefined/);
}

describe('/tools/ installment calculator', () => {
  it('shows the worked example, then recomputes from typed input', async () => {
    const page = await openTools();
    const text = reader(page, 'installment');
    // =RATE(12,-536,6000)*12 → 13.03%
    expect(await text('[data-out="monthlyPayment"]')).toBe('¥536.00');
    expect(await text('[data-out="apr"]')).toBe('13.03%');

    await page.fill('#installment-price', '3999');
    await page.fill('#installment-periods', '24');
    await page.fill('#installment-feeRate', '0.5');
    // 3999/24 + 3999*0.5% = 186.6225; =RATE(24,-186.6225,3999)*12 → 11.13%
    await expectText(text, '[data-out="monthlyPayment"]', '¥186.62');
    await expectText(text, '[data-out="apr"]', '11.13%');
    expect(await text('[data-out="totalFees"]')).toBe('¥479.88');
    expect(await text('[data-out="nominalAnnualRate"]')).toBe('6.00%');
    expect(await text('tr.is-current')).toMatch(/^24 期\s*你选的\s+¥186\.62\s+11\.13%\s+¥479\.88$/);
    await expectNoBrokenNumbers(page);
  });

  it('takes a quoted monthly payment instead of a fee rate', async () => {
    const page = await openTools();
    const text = reader(page, 'installment');
    await page.getByLabel('每期还款额', { exact: true }).check();
    await expect.poll(() => page.locator('#installment-monthlyPayment').isVisible()).toBe(true);
    expect(await page.locator('#installment-feeRate').isVisible()).toBe(false);
    // The switch carries the plan over: 536 a month is the same as 0.6%.
    expect(await page.inputValue('#installment-monthlyPayment')).toBe('536');
    expect(await text('[data-out="apr"]')).toBe('13.03%');
    await page.fill('#installment-price', '5000');
    await page.fill('#installment-monthlyPayment', '450');
    // =RATE(12,-450,5000)*12 → 14.45%; (450 - 5000/12)/5000 → 0.67% a month
    await expectText(text, '[data-out="apr"]', '14.45%');
    expect(await text('[data-out="monthlyFeeRate"]')).toBe('0.67%');
    expect(await text('[data-out="totalFees"]')).toBe('¥400.00');
    // And back: the fee rate field now holds the rate the payment implies.
    await page.getByLabel('月费率', { exact: true }).check();
    await expect.poll(() => page.inputValue('#installment-feeRate')).toBe('0.6667');
    await expectText(text, '[data-out="monthlyPayment"]', '¥450.00');
  });

  it('shows clear messages for invalid input, never NaN', async () => {
    const page = await openTools();
    const text = reader(page, 'installment');
    await page.fill('#installment-price', 'abc');
    await expectText(text, '[data-error-for="price"]', '商品价格必须是数字，例如 6000。');
    expect(await page.locator('#installment-price').getAttribute('aria-invalid')).toBe('true');
    expect(await text('[data-problem]')).toBe('请先改正上面标出的输入：商品价格必须是数字，例如 6000。');
    expect(await page.locator('[data-calculator="installment"] [data-out="monthlyPayment"]').isVisible()).toBe(false);
    await expectNoBrokenNumbers(page);

    await page.fill('#installment-price', '6000');
    await page.fill('#installment-periods', '');
    await expectText(text, '[data-error-for="periods"]', '请填写分期期数。');
    expect(await page.locator('#installment-price').getAttribute('aria-invalid')).toBeNull();
    await page.fill('#installment-periods', '0');
    await expectText(text, '[data-error-for="periods"]', '分期期数至少为 1 期。');

    await page.fill('#installment-periods', '12');
    await page.getByLabel('每期还款额', { exact: true }).check();
    await page.fill('#installment-monthlyPayment', '400');
    await expectText(text, '[data-error-for="monthlyPayment"]', /不够还清分期本金 ¥6,000\.00/);
    await expectNoBrokenNumbers(page);

    await page.fill('#installment-monthlyPayment', '536');
    await expectText(text, '[data-error-for="monthlyPayment"]', '');
    expect(await text('[data-out="apr"]')).toBe('13.03%');
    expect(await page.locator('[data-calculator="installment"] [data-problem]').isVisible()).toBe(false);
  });
});

describe('/tools/ lease-versus-buy calculator', () => {
  it('compares leasing with buying, including a lease that is cheaper', async () => {
    const page = await openTools();
    const text = reader(page, 'lease');
    // Worked example: 300*12 + 3000; =RATE(12,-300,6000,-3000,1)*12 → 13.76%
    expect(await text('[data-out="leaseTotal"]')).toBe('¥6,600.00');
    expect(await text('[data-out="difference"]')).toBe('多花 ¥600.00');
    expect(await text('[data-out="apr"]')).toBe('13.76%');

    await page.fill('#lease-monthlyRent', '200');
    // 200*12 + 3000 = 5400; =RATE(12,-200,6000,-3000,1)*12 → -13.66%
    await expectText(text, '[data-out="leaseTotal"]', '¥5,400.00');
    expect(await text('[data-out="difference"]')).toBe('少花 ¥600.00');
    expect(await text('[data-out="apr"]')).toBe('-13.66%');
    expect(await text('[data-out="verdict"]')).toMatch(/隐含年化为负/);

    await page.fill('#lease-retailPrice', '6999');
    await page.fill('#lease-monthlyRent', '399');
    await page.fill('#lease-months', '24');
    await page.fill('#lease-deposit', '');
    await page.fill('#lease-buyoutPrice', '0');
    // 399*24 = 9576; =RATE(24,-399,6999,0,1)*12 → 35.32%
    await expectText(text, '[data-out="leaseTotal"]', '¥9,576.00');
    await expectText(text, '[data-out="apr"]', '35.32%');
    expect(await text('[data-out="difference"]')).toBe('多花 ¥2,577.00');
    expect(await text('[data-out="dueAtSigning"]')).toBe('¥399.00');
    await expectNoBrokenNumbers(page);
  });

  it('compares against an installment total when one is given', async () => {
    const page = await openTools();
    const text = reader(page, 'lease');
    await page.fill('#lease-buyTotal', '6432');
    await expectText(text, '[data-out="difference"]', '多花 ¥168.00');
    expect(await text('[data-out="buyTotal"]')).toBe('¥6,432.00');
    // The rate stays against the cash price: =RATE(12,-300,6000,-3000,1)*12 → 13.76%
    expect(await text('[data-out="apr"]')).toBe('13.76%');
  });

  it('shows messages for invalid input and leaves the other calculator alone', async () => {
    const page = await openTools();
    const text = reader(page, 'lease');
    await page.fill('#lease-months', '0');
    await page.fill('#lease-monthlyRent', '-5');
    await expectText(text, '[data-error-for="monthlyRent"]', '月租金不能是负数。');
    expect(await text('[data-error-for="months"]')).toBe('租期至少为 1 个月。');
    expect(await page.locator('#lease-months').getAttribute('aria-invalid')).toBe('true');
    await expectNoBrokenNumbers(page);
    // The installment calculator still shows its own result.
    expect(await reader(page, 'installment')('[data-out="monthlyPayment"]')).toBe('¥536.00');
  });
});

describe('/tools/ page', () => {
  it('shows the worked examples without JavaScript', async () => {
    const page = await openTools({ javaScriptEnabled: false });
    expect(await reader(page, 'installment')('[data-out="monthlyPayment"]')).toBe('¥536.00');
    expect(await reader(page, 'installment')('[data-out="apr"]')).toBe('13.03%');
    expect(await reader(page, 'lease')('[data-out="leaseTotal"]')).toBe('¥6,600.00');
    expect(await page.locator('[data-calculator="installment"] [data-compare-body] tr').count()).toBe(4);
  });

  it('has unique ids, labelled fields and no horizontal scrolling at 320 px', async () => {
    const page = await openTools({ viewport: { width: 320, height: 640 } });
    const ids = await page.$$eval('[id]', (elements) => elements.map((e) => e.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const unlabelled = await page.$$eval('.calc input:not([type="radio"])', (inputs) =>
      inputs.filter((input) => !(input as HTMLInputElement).labels?.length).map((input) => input.id),
    );
    expect(unlabelled).toEqual([]);
    const describedByMissing = await page.$$eval('.calc input[aria-describedby]', (inputs) =>
      inputs.flatMap((input) => (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => !document.getElementById(id))),
    );
    expect(describedByMissing).toEqual([]);
    expect(await page.locator('.calc [aria-live="polite"]').count()).toBe(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});
