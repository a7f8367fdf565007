/**
 * content/redirects.yaml end to end, on a copy of the fixture site: a rename produces the
 * Astro redirect page, the host rules and a clean sitemap; a broken file stops the build
 * with the line and the fix.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopy, runBuild } from '../support/build.ts';

const hasJava = spawnSync('java', ['-version']).status === 0;

describe.concurrent('redirects from content/redirects.yaml', () => {
  it('a renamed article answers at its old URL, on every kind of host', async () => {
    const dir = fixtureCopy('redirects');
    writeFileSync(join(dir, 'redirects.yaml'), '# 旧 slug: 新 slug\nold-fee-guide: fee-to-apr\nlease-deposit-old: lease-deposit\n');
    const nginxBefore = readFileSync('deploy/nginx-redirects.conf', 'utf8');
    const out = `${dir}-out`;
    const run = await runBuild(dir, out);
    expect(run.code, run.output).toBe(0);

    // The static page Astro writes at the old path.
    const html = readFileSync(join(out, 'articles/old-fee-guide/index.html'), 'utf8');
    expect(html).toMatch(/<meta http-equiv="refresh" content="0; url=\/articles\/fee-to-apr\/"/);
    expect(html).toContain('rel="canonical" href="https://fenqi.example.com/articles/fee-to-apr/"');
    // Real 301s for Netlify / Cloudflare Pages.
    expect(readFileSync(join(out, '_redirects'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([
      '/articles/old-fee-guide/ /articles/fee-to-apr/ 301',
      '/articles/old-fee-guide /articles/fee-to-apr/ 301',
      '/articles/lease-deposit-old/ /articles/lease-deposit/ 301',
      '/articles/lease-deposit-old /articles/lease-deposit/ 301',
    ]);
    // Old URLs are not pages to index.
    const sitemaps = readdirSync(out).filter((f) => /^sitemap-\d+\.xml$/.test(f));
    const xml = sitemaps.map((f) => readFileSync(join(out, f), 'utf8')).join('');
    expect(xml).toContain('/articles/fee-to-apr/');
    expect(xml).not.toContain('old-fee-guide');
    expect(xml).not.toContain('lease-deposit-old');
    // A fixture build never rewrites the real site's nginx snippet.
    expect(readFileSync('deploy/nginx-redirects.conf', 'utf8')).toBe(nginxBefore);

    if (hasJava) {
      const jar = join(createRequire(import.meta.url).resolve('vnu-jar/package.json'), '..', 'build/dist/vnu.jar');
      const check = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', join(out, 'articles/old-fee-guide/index.html')], { encoding: 'utf8' });
      expect(JSON.parse(check.stderr).messages).toEqual([]);
    }
  });

  it('a chain stops the build, naming the line and the direct target', async () => {
    const dir = fixtureCopy('redirect-chain');
    writeFileSync(join(dir, 'redirects.yaml'), 'older-fee-guide: old-fee-guide\nold-fee-guide: fee-to-apr\n');
    const out = `${dir}-out`;
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'index.html'), 'previous site');
    const run = await runBuild(dir, out);
    expect(run.code).not.toBe(0);
    const file = relative(process.cwd(), join(dir, 'redirects.yaml'));
    expect(run.output).toContain(`${file}:1`);
    expect(run.output).toContain('[redirect-chain]  跳转链 older-fee-guide → old-fee-guide → fee-to-apr：请把“older-fee-guide”直接指向“fee-to-apr”');
    expect(run.output).not.toMatch(/^\s+at /m);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous site');
  });

  it('a target that does not exist stops the build', async () => {
    const dir = fixtureCopy('redirect-missing');
    writeFileSync(join(dir, 'redirects.yaml'), '# 改名\nold-fee-guide: fee-to-apr-2026\n');
    const run = await runBuild(dir, `${dir}-out`);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('redirects.yaml:2');
    expect(run.output).toContain('[redirect-target]  目标“fee-to-apr-2026”不是任何已发布文章的 slug');
  });
});
