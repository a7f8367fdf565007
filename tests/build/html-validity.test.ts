/**
 * Every built page through the W3C Nu HTML Checker (the vnu-jar package, run with the
 * machine's Java): no errors. Skipped, with a message, only when Java is missing.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, htmlFiles, requireDist } from '../support/dist.ts';

const vnuJar = join(createRequire(import.meta.url).resolve('vnu-jar/package.json'), '..', 'build/dist/vnu.jar');
const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
const hasJava = !java.error && java.status === 0;

/**
 * Errors we keep on purpose, matched exactly. Baidu asks for
 * <meta http-equiv="Cache-Control" content="no-transform"> so its mobile search does not
 * transcode pages (the issue requires it as a meta tag); HTML only allows a few
 * http-equiv values, so the checker reports it. Nothing else is ignored.
 */
const KEPT = new Set(['Bad value “Cache-Control” for attribute “http-equiv” on element “meta”.']);

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

beforeAll(() => {
  requireDist();
  if (!hasJava) {
    console.warn(
      '跳过 HTML 校验：找不到 java。Debian/Ubuntu 上运行 apt-get install -y default-jre-headless（.ci/run 在 CI 里需要装它），然后重新运行测试。',
    );
  }
});

describe('W3C Nu HTML Checker', () => {
  it.skipIf(!hasJava)('reports no errors on any built page', () => {
    const files = htmlFiles().map((f) => join(DIST, f));
    expect(files.length).toBeGreaterThan(100);
    // One JVM for all pages: starting Java is the slow part.
    const run = spawnSync('java', ['-Xss4m', '-jar', vnuJar, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.error).toBeUndefined();
    const report = JSON.parse(run.stderr || run.stdout) as { messages: VnuMessage[] };
    const errors = report.messages.filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error');
    const kept = errors.filter((m) => KEPT.has(m.message));
    const unexpected = errors
      .filter((m) => !KEPT.has(m.message))
      .map((m) => `${(m.url ?? '').replace(/^file:/, '').replace(`${join(DIST)}/`, '')}:${m.lastLine ?? '?'} ${m.message}${m.extract ? `  …${m.extract.trim()}…` : ''}`);
    expect(unexpected).toEqual([]);
    // The one kept error appears once per page, never anything else under that message.
    expect(kept.every((m) => m.extract?.includes('content="no-transform"'))).toBe(true);
  });
});
