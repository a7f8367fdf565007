/**
 * `node scripts/generate-articles.ts <count> <dir> [--seed N]`: writes a complete content
 * folder (articles/, categories.yaml, plan.yaml) of synthetic articles learned from the
 * real ones in content/, for the benchmark. The real content is only read.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { buildCorpus, type Corpus } from '../src/lib/bench/corpus.ts';
import { generateSite, type GeneratedSite } from '../src/lib/bench/generate.ts';
import { isProblem, parseArticle } from '../src/lib/content-checks.ts';

const corpora = new Map<string, Corpus>();

/** The real site's articles as the generator's training corpus (read once per folder). */
export function readCorpus(contentDir = 'content'): Corpus {
  const cached = corpora.get(contentDir);
  if (cached) return cached;
  const dir = join(contentDir, 'articles');
  const articles = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .flatMap((name) => {
      const parsed = parseArticle({ file: join(dir, name), source: readFileSync(join(dir, name), 'utf8') });
      if (isProblem(parsed) || parsed.data.draft === true) return [];
      const faq = Array.isArray(parsed.data.faq) ? (parsed.data.faq as { question?: unknown }[]) : [];
      return [
        {
          category: String(parsed.data.category),
          tags: Array.isArray(parsed.data.tags) ? parsed.data.tags.map(String) : [],
          body: parsed.body,
          faqQuestions: faq.map((f) => String(f.question ?? '')).filter(Boolean),
        },
      ];
    });
  const corpus = buildCorpus(articles);
  corpora.set(contentDir, corpus);
  return corpus;
}

export function categorySlugs(contentDir = 'content'): string[] {
  const list = YAML.parse(readFileSync(join(contentDir, 'categories.yaml'), 'utf8')) as { slug: string; order: number }[];
  return [...list].sort((a, b) => a.order - b.order).map((c) => c.slug);
}

export function generate(count: number, seed = 1, contentDir = 'content'): GeneratedSite {
  return generateSite(readCorpus(contentDir), { count, seed, categories: categorySlugs(contentDir) });
}

/** Replaces `dir` with a generated content folder and returns what was written. */
export function writeContent(count: number, dir: string, seed = 1): GeneratedSite {
  const site = generate(count, seed);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'articles'), { recursive: true });
  copyFileSync('content/categories.yaml', join(dir, 'categories.yaml'));
  writeFileSync(join(dir, 'plan.yaml'), site.plan);
  for (const article of site.articles) writeFileSync(join(dir, 'articles', article.file), article.source);
  return site;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [countArg, dirArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const seedIndex = process.argv.indexOf('--seed');
  const count = Number(countArg);
  if (!Number.isInteger(count) || count < 2 || !dirArg) {
    console.error('用法：node scripts/generate-articles.ts <篇数，至少 2> <输出目录> [--seed 数字]');
    process.exit(1);
  }
  const started = performance.now();
  const site = writeContent(count, dirArg, seedIndex > 0 ? Number(process.argv[seedIndex + 1]) : 1);
  console.log(`已生成 ${site.articles.length} 篇文章到 ${dirArg}（${((performance.now() - started) / 1000).toFixed(1)} 秒）`);
}
