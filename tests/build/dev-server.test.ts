/**
 * `npm run dev` on a fixture with a draft: the draft is shown, and the dev server's search
 * (Pagefind at /pagefind/, ids in /search/suggest.json) finds it, also after an edit.
 * Then the articles loader (src/lib/article-loader.ts) follows edits: a saved change shows
 * up, an article that gains a component shows it and loses it again, and files saved
 * under a new name or deleted are followed. Last, a build beside the dev server: its Astro
 * rewrites .astro/content-modules.mjs, and the dev server must serve its articles again once
 * that Astro is done. (One dev server for all: servers in the same project share
 * .astro/data-store.json, so two at once would read each other's articles. Until that last
 * test, this file holds the project's Astro lock, so builds from other test files wait
 * instead of rewriting the table while the articles are being edited.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock, unlock } from '../../src/lib/astro-lock.ts';
import { articleFile, fixtureCopy, runBuild } from '../support/build.ts';

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
  await acquireLock('tests/build/dev-server.test.ts', () => {});
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
  unlock();
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

async function until(done: () => boolean | Promise<boolean>, what: string, timeout = 30_000) {
  const started = Date.now();
  while (!(await done())) {
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}:\n${log}`);
    await new Promise((wait) => setTimeout(wait, 300));
  }
}

/** The article body once `ready` holds for it (the watcher needs a moment after a save). */
async function proseWhen(slug: string, ready: (prose: ReturnType<typeof parse>) => boolean, timeout?: number) {
  let prose: ReturnType<typeof parse> | null = null;
  await until(
    async () => {
      const response = await fetch(`${BASE}/articles/${slug}/`);
      prose = parse(await response.text()).querySelector('.prose');
      return response.status === 200 && prose !== null && ready(prose);
    },
    `/articles/${slug}/ to change`,
    timeout,
  );
  return prose!;
}

describe('articles in npm run dev', () => {
  const DIR = '.build/fixtures/dev-drafts';

  it('compiles every article as MDX (the build keeps its plain-Markdown fast path)', () => {
    // Switching paths while the server runs could leave a page reading a stale module list.
    expect(log).toContain('开发模式：3 篇文章都按 MDX 编译');
  });

  it('shows a saved edit of a plain article', async () => {
    await proseWhen('lease-deposit', (p) => p.textContent.includes('按约归还且设备完好时'));
    const file = articleFile(DIR, 'lease-deposit');
    writeFileSync(file, readFileSync(file, 'utf8').replace('按约归还且设备完好时，押金一般应当退还。', '按约归还时押金应当退还（编辑后）。'));
    const prose = await proseWhen('lease-deposit', (p) => p.textContent.includes('（编辑后）'));
    expect(prose.querySelector('h2')?.id).toBe('押金什么时候退');
  });

  it('shows a component once the article uses one, and drops it again without', async () => {
    const file = articleFile(DIR, 'lease-deposit');
    const plain = readFileSync(file, 'utf8');
    writeFileSync(file, plain.replace('## 扣押金的依据', '<Callout type="警告" title="别转个人账户">\n押金只付到合同写明的收款方。\n</Callout>\n\n## 扣押金的依据'));
    const withCallout = await proseWhen('lease-deposit', (p) => p.querySelector('aside.callout') !== null);
    expect(withCallout.querySelector('aside.callout')?.getAttribute('aria-label')).toBe('警告：别转个人账户');
    expect(withCallout.textContent).toContain('押金只付到合同写明的收款方');

    writeFileSync(file, plain.replace('扣押金要有合同依据和实际损失。', '扣押金要有合同依据（去掉提示框后）。'));
    const back = await proseWhen('lease-deposit', (p) => p.textContent.includes('去掉提示框后'));
    expect(back.querySelector('aside.callout')).toBeNull();
  });

  it('follows a file saved under a new name and the old one deleted, and drops a deleted article', async () => {
    const old = articleFile(DIR, 'lease-deposit');
    const copy = articleFile(DIR, 'deposit-renamed');
    let mark = log.length;
    writeFileSync(copy, readFileSync(old, 'utf8'));
    // Two files with one slug: the copy is refused, with both files named.
    await until(() => /deposit-renamed\.mdx.*slug "lease-deposit" 已被 .*lease-deposit\.mdx 使用/.test(log.slice(mark)), 'the duplicate slug to be reported');
    mark = log.length;
    rmSync(old);
    await until(() => /已重新载入 deposit-renamed\.mdx/.test(log.slice(mark)), 'the copy to take over the slug');
    // (Vite may answer 500 for a moment while it drops the module of the old file, which was MDX earlier.)
    await until(async () => (await fetch(`${BASE}/articles/lease-deposit/`)).status === 200, 'the page to be served from the copy');
    expect((await proseWhen('lease-deposit', () => true)).textContent).toContain('去掉提示框后');

    rmSync(copy);
    await until(async () => (await fetch(`${BASE}/articles/lease-deposit/`)).status === 404, 'the deleted article to be gone');
  });
});

describe('a build beside npm run dev', () => {
  it('leaves the dev server serving its articles once the build\'s Astro is done', async () => {
    expect((await proseWhen('fee-to-apr', () => true)).textContent).toContain('年化');
    // Let builds in: this one, and any from other test files waiting for the lock.
    unlock();
    const mark = log.length;
    const dir = fixtureCopy('beside-dev');
    const run = await runBuild(dir, `${dir}-out`);
    expect(run.code, run.output).toBe(0);
    // The build's table (no MDX module: its articles are plain Markdown) replaced the dev
    // server's, in which every article is MDX; the dev server writes its own back.
    await until(() => /npm run build（pid \d+）正在运行/.test(log.slice(mark)), 'the dev server to see the build', 5_000);
    await until(() => /已结束：开发服务器已重新写好自己的文章模块表/.test(log.slice(mark)), 'the dev server to rewrite its table', 240_000);
    // (A build from another test file may start next and break it again for a while, so
    // the page is given as long as that build's Astro could take to be done as well.)
    expect((await proseWhen('fee-to-apr', () => true, 240_000)).textContent).toContain('年化');
  }, 600_000);
});
