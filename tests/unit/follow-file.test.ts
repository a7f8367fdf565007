import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { followFile } from '../../src/lib/follow-file.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const pause = (ms: number) => new Promise((wait) => setTimeout(wait, ms));

/** An empty file in a fresh folder, and the lines followFile hands over from it. */
function followed(name: string, intervalMs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'follow-'));
  dirs.push(dir);
  const file = join(dir, name);
  writeFileSync(file, '');
  const lines: string[] = [];
  return { file, lines, follower: followFile(file, (line) => lines.push(line), intervalMs) };
}

describe('followFile', () => {
  it('hands over each line as it is appended, Chinese split across writes included, and the unfinished last line at the end', async () => {
    const { file, lines, follower } = followed('astro.out', 5);

    appendFileSync(file, '12:00:01 [build] 正在生成\r\n├─ /articles/a/index.html\n');
    await pause(50);
    expect(lines).toEqual(['12:00:01 [build] 正在生成', '├─ /articles/a/index.html']);

    // "构建完成" with its first character cut in the middle of its three UTF-8 bytes.
    const bytes = Buffer.from('构建完成\n没有换行的最后一行');
    appendFileSync(file, bytes.subarray(0, 1));
    await pause(50);
    appendFileSync(file, bytes.subarray(1));
    await pause(50);
    expect(lines.slice(2)).toEqual(['构建完成']);

    follower.stop();
    expect(lines.slice(2)).toEqual(['构建完成', '没有换行的最后一行']);
  });

  it('reads what was written just before it stops, without waiting for the next poll', () => {
    const { file, lines, follower } = followed('astro.err', 60_000);
    appendFileSync(file, '[ERROR] 第一行\n第二行\n');
    follower.stop();
    expect(lines).toEqual(['[ERROR] 第一行', '第二行']);
  });
});
