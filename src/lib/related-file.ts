/**
 * Related articles computed by the build's content pass (scripts/build-content.ts) while
 * Astro starts, handed to Astro's pages through a file: on a large site ranking them
 * takes seconds of CPU (about 9 s at 10,000 articles) that would otherwise stall
 * Astro's rendering. RELATED_FILE names the file; without
 * it (npm run dev, astro check) the pages compute related articles themselves.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Written whole or not at all, so a reader never sees half a file. */
export function writeRelatedFile(path: string, related: ReadonlyMap<string, string[]>): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(Object.fromEntries(related)));
  renameSync(`${path}.tmp`, path);
}

/** Waits for the build process to write the file (it is usually there before Astro asks). */
export async function readRelatedFile(path: string, timeoutMs = 15 * 60_000): Promise<Map<string, string[]>> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`相关文章文件 ${path} 迟迟没有生成：构建进程可能已经出错退出。`);
    await sleep(100);
  }
  return new Map(Object.entries(JSON.parse(readFileSync(path, 'utf8')) as Record<string, string[]>));
}
