/** Runs `scripts/build.ts` on a content folder, as `npm run build` does, and captures what it prints. */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect } from 'vitest';

export interface BuildRun {
  code: number | null;
  output: string;
}

/** `env` adds variables for this build only (e.g. ARTICLES_ALL_MDX, BUILD_CACHE_DIR). */
export function runBuild(contentDir: string, outDir: string, env: NodeJS.ProcessEnv = {}): Promise<BuildRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['scripts/build.ts'], {
      env: { ...process.env, ...env, CONTENT_DIR: contentDir, OUT_DIR: outDir, FORCE_COLOR: '0' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => done({ code, output }));
  });
}

/** A fresh copy of the valid fixture site under .build/fixtures/<name>, for a test to break. */
export function fixtureCopy(name: string): string {
  const dir = resolve('.build/fixtures', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync('tests/fixtures/valid', dir, { recursive: true });
  return dir;
}

export const articleFile = (dir: string, slug: string) => join(dir, 'articles', `${slug}.mdx`);

export function editFile(file: string, change: (text: string) => string) {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

/** Builds a broken copy of the fixture site into a folder that already holds a "previous" site. */
export async function brokenBuild(name: string, breakIt: (dir: string) => void) {
  const dir = fixtureCopy(name);
  breakIt(dir);
  const out = `${dir}-out`;
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'index.html'), 'previous site');
  const run = await runBuild(dir, out);
  return { ...run, dir, out, file: (slug: string) => relative(process.cwd(), articleFile(dir, slug)) };
}

/** A failed build left the output folder exactly as it was. */
export function expectPreviousSiteKept(out: string) {
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous site');
  expect(readdirSync(out)).toEqual(['index.html']);
}
