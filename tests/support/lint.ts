/** Runs the editors' command-line tools (lint:content, new) on a content folder and captures their output. */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface ToolRun {
  code: number | null;
  output: string;
}

export function runTool(script: string, contentDir: string, args: string[] = [], input?: string): Promise<ToolRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, CONTENT_DIR: contentDir, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => done({ code, output }));
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}

/** A fresh copy of a content folder under .build/fixtures/<name>. */
export function contentCopy(from: string, name: string): string {
  const dir = resolve('.build/fixtures', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** Every file's text under a folder, to prove a tool changed nothing. */
export function snapshot(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, encoding: 'utf8', withFileTypes: false })
      .map(String)
      .filter((name) => /\.(mdx|yaml)$/.test(name))
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
  );
}
