/**
 * Pagefind in `npm run dev`. Astro's dev server renders pages on request, so there is no
 * built site for Pagefind to index and /pagefind/ would be missing. This integration
 * indexes the article sources (drafts included) when the dev server starts and again
 * whenever an article changes, writes the index to node_modules/.astro/dev-pagefind-…/, and
 * serves it at /pagefind/. It also adds Pagefind's page ids to /search/suggest.json, as
 * scripts/build.ts does for the built site, so both search layers work while editing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { fragmentUrls } from '../lib/search/fragments.ts';
import { searchLexicon } from '../lib/search/load-data.ts';
import { searchRecords } from '../lib/search/records.ts';
import { indexChunkSize, writeFullTextIndex } from '../lib/search/write-index.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function devSearch(contentDir: string): AstroIntegration {
  // One folder per content folder, so a fixture's dev server never serves the real site's index.
  const outDir = resolve('node_modules/.astro', contentDir === 'content' ? 'dev-pagefind' : `dev-pagefind-${contentDir.replace(/[^A-Za-z0-9]+/g, '_')}`);
  /** Pagefind page id → article slug, for /search/suggest.json. */
  let pagefindIds: Record<string, string> = {};
  let building: Promise<void> | undefined;
  let again = false;

  async function buildIndex(log: (message: string) => void) {
    const articleDir = join(contentDir, 'articles');
    const files = readdirSync(articleDir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => ({ file: join(articleDir, name), source: readFileSync(join(articleDir, name), 'utf8') }));
    const records = searchRecords(files, searchLexicon(contentDir));
    const written = await writeFullTextIndex(records, outDir, { chunkSize: indexChunkSize(records.length) });
    if (written.errors.length) throw new Error(written.errors.join('; '));
    const ids: Record<string, string> = {};
    for (const [id, url] of fragmentUrls(outDir)) ids[id] = url.replace(/^\/articles\/|\/$/g, '');
    pagefindIds = ids;
    log(`开发用搜索索引已更新：${records.length} 篇文章（含草稿）`);
  }

  /** Rebuilds at most one index at a time; a change during a rebuild schedules one more. */
  function rebuild(log: (message: string) => void) {
    if (building) {
      again = true;
      return;
    }
    building = buildIndex(log)
      .catch((error) => log(`开发用搜索索引没有建成：${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        building = undefined;
        if (again) {
          again = false;
          rebuild(log);
        }
      });
  }

  return {
    name: 'dev-search',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const log = (message: string) => logger.info(message);
        rebuild(log);
        const articleDir = resolve(contentDir, 'articles');
        server.watcher.on('all', (_event, path) => {
          if (path.startsWith(articleDir) && path.endsWith('.mdx')) rebuild(log);
        });
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0]!;
          if (path.startsWith('/pagefind/')) {
            const file = join(outDir, decodeURIComponent(path.slice('/pagefind/'.length)));
            if (!file.startsWith(outDir) || !existsSync(file)) {
              res.statusCode = 404;
              res.end('开发用搜索索引还在生成，请稍后刷新。');
              return;
            }
            res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
            res.setHeader('Cache-Control', 'no-store');
            res.end(readFileSync(file));
            return;
          }
          if (path === '/search/suggest.json') {
            // Let Astro render the endpoint, then add the ids the full-text layer needs.
            const end = res.end.bind(res);
            const chunks: Buffer[] = [];
            const write = (chunk: unknown) => {
              if (chunk) chunks.push(ArrayBuffer.isView(chunk) ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : Buffer.from(String(chunk)));
              return true;
            };
            res.write = write as typeof res.write;
            res.end = ((chunk?: unknown) => {
              write(typeof chunk === 'function' ? undefined : chunk);
              let body = Buffer.concat(chunks);
              try {
                const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
                json.pagefindIds = pagefindIds;
                body = Buffer.from(JSON.stringify(json));
                if (!res.headersSent) res.setHeader('Content-Length', body.length);
              } catch {
                // Not JSON (an error page): pass it on unchanged.
              }
              return end(body);
            }) as typeof res.end;
          }
          next();
        });
      },
    },
  };
}
