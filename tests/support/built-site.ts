/**
 * A site built from a content folder for one test file (fixtures, or the real content
 * with build settings of its own), served on 127.0.0.1 with Chromium; removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { runBuild } from './build.ts';
import type { ServedSite } from './served-site.ts';
import { serveStatic } from './static-server.ts';

export interface BuiltSite extends ServedSite {
  /** The built site's folder. */
  out: string;
}

/** `env`: variables for this build only (e.g. SEARCH_SHARD_SIZE). */
export function useBuiltSite(contentDir: string, env: NodeJS.ProcessEnv = {}): BuiltSite {
  const site = {} as BuiltSite;
  beforeAll(async () => {
    site.out = mkdtempSync(join(tmpdir(), 'built-site-'));
    const run = await runBuild(contentDir, site.out, env);
    if (run.code !== 0) throw new Error(`build of ${contentDir} failed:\n${run.output}`);
    site.server = await serveStatic(site.out);
    site.browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
    if (site.out) rmSync(site.out, { recursive: true, force: true });
  });
  return site;
}
