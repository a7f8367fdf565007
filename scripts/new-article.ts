/**
 * `npm run new`: creates content/articles/<slug>.mdx with a complete frontmatter (draft),
 * a FAQ skeleton and placeholders, after checking that the title and slug are new.
 *
 *   npm run new                                          asks for the title and category
 *   npm run new -- --title "租机押金多久能退" --category leasing [--slug lease-deposit-refund]
 *
 * Writes only that one new file (never overwrites). CONTENT_DIR selects another content folder.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { isProblem, parseArticle } from '../src/lib/content-checks.ts';
import { contentDir } from '../src/lib/content-dir.ts';
import { articleTemplate, localDay, newArticleProblems, slugFromTitle } from '../src/lib/new-article.ts';

function fail(message: string): never {
  console.error(`\n没有创建文章：${message}`);
  process.exit(1);
}

let flags: { title?: string; category?: string; slug?: string };
try {
  flags = parseArgs({ options: { title: { type: 'string' }, category: { type: 'string' }, slug: { type: 'string' } } }).values;
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n用法：npm run new -- --title "文章标题" --category 分类slug [--slug 网址]`);
}

const articleDir = join(contentDir, 'articles');
const categoryFile = join(contentDir, 'categories.yaml');
if (!existsSync(articleDir) || !existsSync(categoryFile)) fail(`找不到 ${articleDir} 或 ${categoryFile}：请在项目根目录运行 npm run new。`);
const categories = YAML.parse(readFileSync(categoryFile, 'utf8')) as { slug: string; name: string }[];
const planFile = join(contentDir, 'plan.yaml');
const planned = existsSync(planFile) ? ((YAML.parse(readFileSync(planFile, 'utf8'))?.articles ?? []) as { title: string; slug: string; category: string }[]) : [];

const titles = new Set<string>();
const slugs = new Set<string>();
for (const name of readdirSync(articleDir, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.mdx'))) {
  slugs.add(name.replace(/\.mdx$/, '').split('/').pop()!);
  const parsed = parseArticle({ file: join(articleDir, name), source: readFileSync(join(articleDir, name), 'utf8') });
  if (isProblem(parsed)) continue;
  if (typeof parsed.data.title === 'string') titles.add(parsed.data.title.trim());
  if (typeof parsed.data.slug === 'string') slugs.add(parsed.data.slug);
}

// Questions are read line by line, so answers can also be piped in (tests do).
const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
const lines = rl[Symbol.asyncIterator]();
async function ask(question: string): Promise<string> {
  process.stdout.write(question);
  const next = await lines.next();
  if (next.done) fail('没有读到回答。也可以直接写：npm run new -- --title "文章标题" --category 分类slug');
  return String(next.value).trim();
}

const categorySlugs = categories.map((c) => c.slug);
const interactive = !(flags.title && flags.category);

// With flags, a wrong value stops; when asking, a wrong answer is explained and asked again.
let title = flags.title?.trim() ?? '';
while (!flags.title) {
  title = await ask('文章标题（和读者搜索的说法一致）：');
  if (!title) console.log('标题不能为空。');
  else if (titles.has(title)) console.log(`已经有一篇标题为“${title}”的文章了，请换一个更具体的标题。`);
  else break;
}
const plan = planned.find((p) => p.title === title);

let category = flags.category ?? plan?.category ?? '';
if (!flags.category && !plan) {
  console.log('\n可选的分类：');
  categories.forEach((c, i) => console.log(`  ${i + 1}. ${c.slug}（${c.name}）`));
  for (;;) {
    const answer = await ask('分类（填编号或英文名）：');
    category = /^\d+$/.test(answer) ? (categorySlugs[Number(answer) - 1] ?? answer) : answer;
    if (categorySlugs.includes(category)) break;
    console.log(`没有“${answer}”这个分类，请填 1–${categorySlugs.length} 的编号或上面的英文名。`);
  }
}

let slug = flags.slug ?? plan?.slug ?? '';
if (!slug) {
  const suggested = slugFromTitle(title);
  slug = interactive ? (await ask(`网址 /articles/<slug>/（直接回车用 ${suggested}）：`)) || suggested : suggested;
}
rl.close();

const problems = newArticleProblems({ title, slug, category }, { titles, slugs }, categorySlugs);
if (problems.length) {
  if (!categorySlugs.includes(category)) console.error(`可选的分类：\n${categories.map((c) => `  ${c.slug}（${c.name}）`).join('\n')}`);
  fail(problems.join('\n'));
}

const file = join(articleDir, `${slug}.mdx`);
try {
  writeFileSync(file, articleTemplate({ title, slug, category }, localDay(new Date())), { flag: 'wx' });
} catch {
  fail(`${file} 已经存在。`);
}
console.log(`
已创建 ${file}（草稿）。接下来：
  1. 打开它，把所有“待填写”换成真正的内容（写法见 docs/editing.md）。
  2. npm run dev，然后在浏览器打开 http://127.0.0.1:4321/articles/${slug}/ 预览。
  3. npm run lint:content -- ${file} 检查，按提示修改。
  4. 检查通过后把 draft: true 改成 draft: false，再运行 npm run lint:content 和 npm run build。`);
