/**
 * What the build's content pass (scripts/build-content.ts) hands to Astro through a file:
 * related articles (src/lib/related-file.ts) and the sitemap's dates
 * (src/lib/sitemap-dates.ts). The content pass runs beside Astro, so the file is written
 * whole or not at all, and a reader waits for it.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export function writeHandoffFile(path: string, value: unknown): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(value));
  renameSync(`${path}.tmp`, path);
}

/** The file's JSON once the content pass has written it (it usually has before Astro asks). `what` names it in the error. */
export async function readHandoffFile(path: string, what: string, timeoutMs = 15 * 60_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`${what}文件 ${path} 迟迟没有生成：构建的内容检查进程可能已经出错退出。`);
    await sleep(100);
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}
