/**
 * The build's content pass, run by scripts/build.ts in a process of its own while Astro
 * starts: the checks the schema cannot make, the text of every published article for the
 * search index, and the related articles. A process, not a thread, because the memory
 * this takes (about 1.3 GB at 10,000 articles, mostly parser garbage and the ranking's
 * tables) is only returned to the system when the process ends; in the build process it
 * stayed for the rest of the build, beside Astro and Pagefind.
 *
 * Reads CONTENT_DIR; writes ARTICLE_DATES_FILE and RELATED_FILE, then the folder RECORDS_DIR: one file per shard
 * of the full-text index (0.jsonl, 1.jsonl…, SHARD_SIZE articles each), one JSON line per
 * published article (slug, title, text, FAQ); and exits with 0. Problems are printed (file:line
 * [rule] message) and the exit code is 1; it then writes nothing.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { proseOf } from '../src/lib/article-text.ts';
import { crossArticleProblems, dateProblems, formatProblem, isProblem, parseArticle, type ParsedArticle, type Problem } from '../src/lib/content-checks.ts';
import { contentDir } from '../src/lib/content-dir.ts';
import { componentProblems } from '../src/lib/lint/components.ts';
import { parseMdx } from '../src/lib/lint/mdx.ts';
import { loadRedirects } from '../src/lib/redirects.ts';
import { computeRelated } from '../src/lib/related.ts';
import { writeRelatedFile } from '../src/lib/related-file.ts';
import { articleDays, writeArticleDays } from '../src/lib/sitemap-dates.ts';
import { searchDataProblems } from '../src/lib/search/load-data.ts';
import { plainText, type RecordInput } from '../src/lib/search/records.ts';
import { SHARD_SIZE } from '../src/lib/search/write-index.ts';

const recordsDir = process.env.RECORDS_DIR!;
const relatedFile = process.env.RELATED_FILE!;
const datesFile = process.env.ARTICLE_DATES_FILE!;
const articleDir = join(contentDir, 'articles');

const parsed: (ParsedArticle | Problem)[] = [];
// One MDX parse per article serves the syntax and component checks and the search text
// (only the text is kept: 10,000 syntax trees would hold about a gigabyte).
const texts = new Map<string, string>();
const mdxErrors: Problem[] = [];
const names = readdirSync(articleDir, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.mdx'))
  .sort();
for (const name of names) {
  const source = { file: join(articleDir, name), source: readFileSync(join(articleDir, name), 'utf8') };
  parsed.push(parseArticle(source));
  const result = parseMdx(source.file, source.source);
  if ('problem' in result) mdxErrors.push(result.problem);
  else {
    texts.set(source.file, plainText(result.tree));
    // Component misuse, with the file's line (Astro alone would not name the line of a bad prop).
    mdxErrors.push(...componentProblems(source.file, result.tree));
  }
}
const articles = parsed.filter((p): p is ParsedArticle => !isProblem(p));
const published = articles.filter((a) => a.data.draft !== true);
const publishedSlugs = new Set(published.map((a) => String(a.data.slug)));
const problems: Problem[] = [
  ...parsed.filter(isProblem),
  ...articles.flatMap(dateProblems),
  ...mdxErrors,
  ...crossArticleProblems(published),
  ...loadRedirects(contentDir, publishedSlugs).problems,
  ...searchDataProblems(contentDir, publishedSlugs),
].filter((p) => p.severity === 'error');
if (problems.length > 0) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`\n内容有 ${problems.length} 处错误，见上方（文件:行号 [规则] 说明）。`);
  process.exit(1);
}

// The sitemap's dates (src/lib/sitemap-dates.ts), so Astro need not read every file for them.
writeArticleDays(datesFile, articleDays(published.map((a) => a.data)));
// Related articles next: ranking them takes most of this process's memory, and the
// indexing (which takes as much in Pagefind) starts only once this process has ended.
writeRelatedFile(
  relatedFile,
  computeRelated(
    published.map((a) => ({ slug: String(a.data.slug), category: String(a.data.category), tags: (a.data.tags as string[] | undefined) ?? [], title: String(a.data.title), text: proseOf(a.body) })),
  ),
);
const lines = published.map((a) => {
  const record: RecordInput = { slug: String(a.data.slug), title: String(a.data.title), text: texts.get(a.file)!, faq: Array.isArray(a.data.faq) ? a.data.faq : [] };
  return JSON.stringify(record);
});
// Written whole or not at all: a folder of shards, renamed into place.
rmSync(`${recordsDir}.tmp`, { recursive: true, force: true });
mkdirSync(`${recordsDir}.tmp`, { recursive: true });
for (let start = 0, shard = 0; start < lines.length; start += SHARD_SIZE, shard++) {
  writeFileSync(join(`${recordsDir}.tmp`, `${shard}.jsonl`), lines.slice(start, start + SHARD_SIZE).join('\n') + '\n');
}
renameSync(`${recordsDir}.tmp`, recordsDir);
