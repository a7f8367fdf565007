/**
 * Headless Chromium through playwright-core. The browser is the system's (Debian's
 * `chromium`), found at CHROMIUM_PATH or /usr/bin/chromium; scripts/ensure-chromium.ts
 * installs it before the browser tests when it is missing.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export function chromiumPath(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('找不到 Chromium：请安装 Debian 的 chromium 包，或设置 CHROMIUM_PATH。');
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}
