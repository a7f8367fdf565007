/**
 * Related articles computed by the build's content pass (scripts/build-content.ts) while
 * Astro starts, handed to Astro's pages through a file: on a large site ranking them
 * takes seconds of CPU (about 9 s at 10,000 articles) that would otherwise stall
 * Astro's rendering. RELATED_FILE names the file; without
 * it (npm run dev, astro check) the pages compute related articles themselves.
 */
import { readHandoffFile, writeHandoffFile } from './handoff-file.ts';

export function writeRelatedFile(path: string, related: ReadonlyMap<string, string[]>): void {
  writeHandoffFile(path, Object.fromEntries(related));
}

export async function readRelatedFile(path: string): Promise<Map<string, string[]>> {
  return new Map(Object.entries((await readHandoffFile(path, '相关文章')) as Record<string, string[]>));
}
