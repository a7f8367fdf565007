/** The built site served on 127.0.0.1 with Chromium, shared by the tests of one file. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { DIST } from './dist.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

export interface ServedSite {
  server: StaticServer;
  browser: Browser;
}

/** Starts the server and the browser before the file's tests and stops both after them. */
export function useServedSite(dir = DIST): ServedSite {
  const site = {} as ServedSite;
  beforeAll(async () => {
    site.server = await serveStatic(dir);
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
