/** Runs `scripts/build.ts` on a content folder, as `npm run build` does, and captures what it prints. */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface BuildRun {
  code: number | null;
  output: string;
}

export function runBuild(contentDir: string, outDir: string): Promise<BuildRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['scripts/build.ts'], {
      env: { ...process.env, CONTENT_DIR: contentDir, OUT_DIR: outDir, FORCE_COLOR: '0' },
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
