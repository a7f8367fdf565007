/** Reading the built site in dist/: its HTML pages, parsed. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

export const DIST = process.env.DIST_DIR ?? 'dist';

export function requireDist() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/ 里没有构建好的站点：先运行 npm run build（npm test 会自动先构建）。`);
}

/** Site-relative paths of every HTML file, e.g. /articles/x/index.html. */
export function htmlFiles(): string[] {
  requireDist();
  return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'))
    .map((f) => '/' + f.split('\\').join('/'))
    .sort();
}

const cache = new Map<string, HTMLElement>();
export function page(file: string): HTMLElement {
  let root = cache.get(file);
  if (!root) cache.set(file, (root = parse(readFileSync(join(DIST, file), 'utf8'))));
  return root;
}

/** The file a site path is served from by a static host: /a/ → /a/index.html. */
export function fileForPath(path: string): string | undefined {
  const clean = decodeURIComponent(path);
  for (const candidate of [clean, join(clean, 'index.html')]) {
    const full = join(DIST, candidate);
    if (existsSync(full) && !full.endsWith('/') && readdirSync(join(full, '..')).includes(candidate.split('/').pop()!)) return candidate;
  }
  return undefined;
}

export function jsonLd(root: HTMLElement): Record<string, unknown>[] {
  return root.querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.textContent));
}
