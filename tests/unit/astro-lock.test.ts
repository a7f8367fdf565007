import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, lockHolder, tryLock, unlock } from '../../src/lib/astro-lock.ts';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A lock file path in a fresh folder that does not exist yet (tryLock creates it). */
function lockFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'astro-lock-'));
  dirs.push(dir);
  return join(dir, 'sub', 'astro.lock');
}

/** Another live process, written into the lock as its holder. */
function heldByOther(file: string, what = 'npm run build'): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  tryLock('setup', file);
  writeFileSync(file, JSON.stringify({ pid: child.pid, what }));
  return child;
}

/** The pid of a process that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('the project lock on .astro/', () => {
  it('is taken when free, names its holder, and is given back by its holder only', () => {
    const file = lockFile();
    expect(lockHolder(file)).toBeUndefined();
    expect(tryLock('npm run build', file)).toBe(true);
    expect(lockHolder(file)).toEqual({ pid: process.pid, what: 'npm run build' });
    // Taking it again from the same process is no conflict.
    expect(tryLock('npm run build', file)).toBe(true);
    unlock(file);
    expect(existsSync(file)).toBe(false);

    heldByOther(file);
    unlock(file);
    expect(existsSync(file)).toBe(true);
  });

  it('is refused while another live process holds it', () => {
    const file = lockFile();
    const other = heldByOther(file, 'npm run dev');
    expect(tryLock('npm run build', file)).toBe(false);
    expect(lockHolder(file)).toEqual({ pid: other.pid, what: 'npm run dev' });
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(other.pid);
  });

  it('is taken over from a process that died holding it, or from a file that is not a lock', () => {
    const file = lockFile();
    tryLock('setup', file);
    writeFileSync(file, JSON.stringify({ pid: deadPid(), what: 'npm run build' }));
    expect(lockHolder(file)).toBeUndefined();
    expect(tryLock('npm run build', file)).toBe(true);
    expect(lockHolder(file)?.pid).toBe(process.pid);

    writeFileSync(file, '{"pid": "12');
    expect(tryLock('npm run build', file)).toBe(true);
    expect(lockHolder(file)?.pid).toBe(process.pid);
  });

  it('waits for the holder to finish, telling once who it waits for', async () => {
    const file = lockFile();
    const other = heldByOther(file);
    const told: string[] = [];
    let acquired = false;
    const waiting = acquireLock('npm run build', (holder) => told.push(`${holder.what} ${holder.pid}`), file, 20).then(() => (acquired = true));
    await new Promise((wait) => setTimeout(wait, 200));
    expect(acquired).toBe(false);
    expect(told).toEqual([`npm run build ${other.pid}`]);
    other.kill('SIGKILL');
    await waiting;
    expect(lockHolder(file)?.pid).toBe(process.pid);
    expect(told).toHaveLength(1);
    unlock(file);
  });
});
