/**
 * `npm run lint:content`: checks every article in content/articles (or CONTENT_DIR) and
 * prints one line per problem: file:line  错误/提醒 [rule]  what is wrong and how to fix it.
 * Exits 1 when there is any error (warnings alone exit 0).
 *
 *   npm run lint:content                          all articles
 *   npm run lint:content -- content/articles/x.mdx  report only these files (plus their numbers)
 *   npm run lint:content -- --fix                 apply the typography fixes, then check again
 *
 * Nothing in content/ is written except by --fix, which only rewrites reader-visible text.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import YAML from 'yaml';
import { measureArticle } from '../src/lib/article-rules.ts';
import { formatProblem, isProblem, type SourceFile } from '../src/lib/content-checks.ts';
import { contentDir } from '../src/lib/content-dir.ts';
import { loadArticle } from '../src/lib/lint/article.ts';
import { fixTypography, lintContent, useAutocorrectConfig } from '../src/lib/lint/index.ts';

const args = process.argv.slice(2);
const fix = args.includes('--fix');
const named = new Set(args.filter((a) => !a.startsWith('--')).map((a) => relative(process.cwd(), resolve(a))));

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const articleDir = join(contentDir, 'articles');
const categoryFile = join(contentDir, 'categories.yaml');
if (!existsSync(articleDir)) fail(`找不到文章目录 ${articleDir}。`);
for (const file of named) if (!existsSync(file)) fail(`找不到文件 ${file}。`);

let categories: string[];
try {
  categories = (YAML.parse(readFileSync(categoryFile, 'utf8')) as { slug: string }[]).map((c) => c.slug);
} catch (error) {
  fail(`${categoryFile} 读不出分类列表：${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
}
const planFile = join(contentDir, 'plan.yaml');
const plannedTitles = new Set<string>(
  existsSync(planFile) ? ((YAML.parse(readFileSync(planFile, 'utf8'))?.articles ?? []) as { title: string }[]).map((a) => a.title) : [],
);
useAutocorrectConfig(existsSync('.autocorrectrc') ? readFileSync('.autocorrectrc', 'utf8') : '{}');

const read = (): SourceFile[] =>
  readdirSync(articleDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const file = join(articleDir, name);
      return { file, source: readFileSync(file, 'utf8') };
    });

let files = read();
if (fix) {
  let changed = 0;
  for (const file of files) {
    if (named.size && !named.has(file.file)) continue;
    const article = loadArticle(file);
    if (isProblem(article)) continue; // broken frontmatter is reported below, never rewritten
    const fixed = fixTypography(article, { skipTitle: plannedTitles.has(String(article.data.title)) });
    if (fixed !== article.source) {
      writeFileSync(file.file, fixed);
      console.log(`已修正排版：${file.file}`);
      changed++;
    }
  }
  console.log(`--fix：修正了 ${changed} 个文件。下面是修正后的检查结果。\n`);
  files = read();
}

const problems = lintContent({ files, categories, categoryFile, plannedTitles, today: new Date() }).filter(
  (p) => !named.size || named.has(p.file),
);
for (const p of problems) (p.severity === 'error' ? console.error : console.warn)(formatProblem(p));

// For named files, the numbers the content rules look at (the old check:articles report).
for (const file of files.filter((f) => named.has(f.file))) {
  const article = loadArticle(file);
  if (isProblem(article)) continue;
  const d = article.data;
  const m = measureArticle(String(d.slug ?? ''), article.body, String(d.description ?? ''), Array.isArray(d.faq) ? d.faq.length : 0);
  console.log(`${file.file}：正文 ${m.bodyHanChars} 字，${m.sections} 个小节，${m.faqItems} 条 FAQ，描述 ${m.descriptionChars} 字，链接 ${m.distinctArticleLinks} 篇其他文章${d.draft === true ? '（草稿）' : ''}`);
}

const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
const scope = named.size ? `${named.size} 个文件` : `${files.length} 篇文章`;
if (errors) {
  console.error(`\n内容检查：${scope}，${errors} 个错误，${warnings} 个提醒。每行的格式是“文件:行号 [规则] 说明和改法”，规则的含义见 docs/editing.md。`);
  process.exitCode = 1;
} else {
  console.log(`内容检查通过：${scope}，0 个错误，${warnings} 个提醒。`);
}
