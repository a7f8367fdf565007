/**
 * `npm run dev` keeps working when a build runs beside it.
 *
 * A build's Astro rewrites `.astro/content-modules.mjs` with its own table of MDX
 * modules, and the dev server reloads that file: render() then finds no module for the
 * articles it serves, and every article page answers 500 until the next save. Builds hold
 * the project's lock while their Astro runs (src/lib/astro-lock.ts), so this integration
 * watches the lock: once another process has held it and let go, the dev server rewrites
 * the table from its own content store, under the lock so no build reads it half written.
 */
import type { AstroIntegration } from 'astro';
import { lockHolder, tryLock, unlock, type LockHolder } from '../lib/astro-lock.ts';

/** How often the lock is looked at: a stat a second; a build's Astro runs for seconds at least. */
const POLL_MS = 1000;

export function devContentModules(): AstroIntegration {
  return {
    name: 'dev-content-modules',
    hooks: {
      'astro:server:setup': ({ server, refreshContent, logger }) => {
        if (!refreshContent) return;
        /** Another process that has held the lock since the dev server last wrote its table. */
        let other: LockHolder | undefined;
        let restoring = false;

        async function check() {
          if (restoring) return;
          const holder = lockHolder();
          if (holder && holder.pid !== process.pid) {
            if (holder.pid !== other?.pid) logger.warn(`${holder.what}（pid ${holder.pid}）正在运行，它的 Astro 会改写 .astro/content-modules.mjs：在它结束前，文章页可能出错。`);
            other = holder;
            return;
          }
          if (!other || !tryLock('npm run dev')) return;
          restoring = true;
          try {
            await refreshContent!({});
            logger.info(`${other.what}（pid ${other.pid}）已结束：开发服务器已重新写好自己的文章模块表。`);
          } catch (error) {
            logger.error(`重新写文章模块表失败：${error instanceof Error ? error.message : String(error)}。重启 npm run dev 即可恢复。`);
          } finally {
            other = undefined;
            unlock();
            restoring = false;
          }
        }

        const timer = setInterval(() => void check(), POLL_MS);
        timer.unref();
        server.httpServer?.once('close', () => clearInterval(timer));
      },
    },
  };
}
