/**
 * Before the browser tests: make sure a Chromium is there. Uses CHROMIUM_PATH or Debian's
 * /usr/bin/chromium; when neither exists and we run as root on Debian/Ubuntu, installs the
 * `chromium` package with apt-get. Otherwise says exactly what to do and fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
const found = () => candidates.find((p) => existsSync(p));

if (!found()) {
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('浏览器测试需要 Chromium，正在用 apt-get 安装 Debian 的 chromium 包…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
}
const path = found();
if (!path) {
  console.error(
    [
      '找不到 Chromium，浏览器测试无法运行。任选其一：',
      '  - Debian/Ubuntu：sudo apt-get install -y chromium',
      '  - 已经装了 Chrome/Chromium：CHROMIUM_PATH=/path/to/chrome npm test',
    ].join('\n'),
  );
  process.exit(1);
}
console.log(`浏览器测试使用 ${path}`);
