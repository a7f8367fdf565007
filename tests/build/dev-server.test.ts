/**
 * `npm run dev` on a fixture with a draft: the draft is shown, and the dev server's search
 * (Pagefind at /pagefind/, ids in /search/suggest.json) finds it, also after an edit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFile, fixtureCopy } from '../support/build.ts';

const PORT = 4300 + Math.floor(Math.random() * 600);
const BASE = `http://127.0.0.1:${PORT}`;
let child: ChildProcess;
let log = '';

function editorEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(DEV|PROD|MODE|SSR|BASE_URL|NODE_ENV|TEST|VITEST.*)$/.test(key)));
}

function waitFor(pattern: RegExp, after = 0, timeout = 90_000): Promise<void> {
  return new Promise((done, fail) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (pattern.test(log.slice(after))) {
        clearInterval(timer);
        done();
      } else if (Date.now() - started > timeout) {
        clearInterval(timer);
        fail(new Error(`dev server did not print ${pattern}:\n${log}`));
      }
    }, 200);
  });
}

beforeAll(async () => {
  const dir = fixtureCopy('dev-drafts');
  writeFileSync(
    articleFile(dir, 'deposit-draft'),
    readFileSync(articleFile(dir, 'lease-deposit'), 'utf8')
      .replace(/^title: .*$/m, 'title: "租机押金被扣的草稿文章"')
      .replace('slug: lease-deposit', 'slug: deposit-draft\ndraft: true')
      .replace('## 押金什么时候退', '## 押金什么时候退\n\n草稿独有的词：蓝鲸押金。'),
  );
  const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
  child = spawn(process.execPath, [astro, 'dev', '--host', '127.0.0.1', '--port', String(PORT)], {
    // An editor's shell, not vitest's: vitest puts Vite's MODE=test, DEV=1, BASE_URL… into the environment.
    env: { ...editorEnv(), CONTENT_DIR: dir, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
  });
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  await waitFor(/开发用搜索索引已更新：3 篇文章/);
  await waitFor(/watching for file changes/);
}, 120_000);

afterAll(() => {
  child?.kill();
});

/** Pagefind ids the dev server reports for /search/suggest.json → slugs. */
async function indexedSlugs(): Promise<string[]> {
  const response = await fetch(`${BASE}/search/suggest.json`);
  const json = (await response.json()) as { pagefindIds?: Record<string, string> };
  return Object.values(json.pagefindIds ?? {}).sort();
}

describe('npm run dev', () => {
  it('shows drafts', async () => {
    const page = await fetch(`${BASE}/articles/deposit-draft/`);
    expect(page.status, log).toBe(200);
    expect(await page.text()).toContain('租机押金被扣的草稿文章');
  });

  it('serves a Pagefind index of the sources, drafts included', async () => {
    const entry = await fetch(`${BASE}/pagefind/pagefind-entry.json`);
    expect(entry.status).toBe(200);
    expect(((await entry.json()) as { languages: Record<string, { page_count: number }> }).languages['zh-cn']?.page_count).toBe(3);
    expect((await fetch(`${BASE}/pagefind/pagefind.js`)).headers.get('content-type')).toContain('javascript');
    expect(await indexedSlugs()).toEqual(['deposit-draft', 'fee-to-apr', 'lease-deposit']);
  });

  it('re-indexes when an article changes', async () => {
    const mark = log.length;
    appendFileSync(articleFile('.build/fixtures/dev-drafts', 'fee-to-apr'), '\n新加的一段。\n');
    await waitFor(/开发用搜索索引已更新/, mark, 30_000);
  });
});
