/**
 * One Astro process at a time writes the project's `.astro/` folder.
 *
 * Every Astro process in a project (each build, the dev server) writes the same
 * `.astro/content-modules.mjs`, the table render() uses to find an article's MDX module,
 * and reads it back from there. Two at once break each other: a build started beside
 * `npm run dev` left every article page of the dev server answering 500 until the next
 * save, and a build can bundle another build's table. So a build holds this lock while
 * its Astro runs (a second build waits), and the dev server takes it for the moment it
 * rewrites its own table after a build (src/integrations/dev-content-modules.ts).
 *
 * The lock is a file holding the owner's pid, created atomically (link() fails if the
 * file exists). A lock whose process is gone is stale and taken over, so a killed build
 * never blocks the next one. (A library such as proper-lockfile tells stale locks by a
 * timestamp the owner must keep refreshing; a pid is exact on one machine.)
 */
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The project's lock, beside the other scratch files of a build. */
export const ASTRO_LOCK = resolve('.build/astro.lock');

export interface LockHolder {
  pid: number;
  /** What holds it, for the message of whoever waits ("npm run build" …). */
  what: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live process that holds the lock, if any: a lock left by a process that died holds nothing. */
export function lockHolder(file = ASTRO_LOCK): LockHolder | undefined {
  let holder: unknown;
  try {
    holder = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof holder !== 'object' || holder === null) return undefined;
  const { pid, what } = holder as Partial<LockHolder>;
  return Number.isInteger(pid) && pid! > 0 && alive(pid!) ? { pid: pid!, what: String(what ?? '') } : undefined;
}

/** Takes the lock if nobody alive holds it; true if this process holds it now. */
export function tryLock(what: string, file = ASTRO_LOCK): boolean {
  mkdirSync(dirname(file), { recursive: true });
  const mine = `${file}.${process.pid}`;
  writeFileSync(mine, JSON.stringify({ pid: process.pid, what }));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(mine, file);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = lockHolder(file);
      if (holder) return holder.pid === process.pid;
      // Stale: its process is gone. (Two processes finding the same stale lock at the same
      // moment could both take it; a build that died is rare, two starting then rarer.)
      rmSync(file, { force: true });
    }
    return false;
  } finally {
    rmSync(mine, { force: true });
  }
}

/** Gives the lock back if this process holds it. */
export function unlock(file = ASTRO_LOCK): void {
  if (lockHolder(file)?.pid === process.pid) rmSync(file, { force: true });
}

/**
 * Waits until the lock is free and takes it; `onWait` is told once who holds it. The lock
 * is given back when the process exits, however it exits.
 */
export async function acquireLock(what: string, onWait: (holder: LockHolder) => void, file = ASTRO_LOCK, pollMs = 500): Promise<void> {
  let told = false;
  while (!tryLock(what, file)) {
    const holder = lockHolder(file);
    if (holder && !told) {
      onWait(holder);
      told = true;
    }
    await new Promise((wait) => setTimeout(wait, pollMs));
  }
  process.once('exit', () => unlock(file));
}
