/**
 * An article's Markdown body, read from its file when a page needs it. The articles loader
 * (src/lib/article-loader.ts) keeps bodies out of Astro's data store: Astro bundles the
 * whole store as one JS module and compiles it before the first page, and the bodies were
 * five sixths of it (10,000 articles: about 18 s of compiling and 0.5 GB of memory).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { entryBody } from '../lib/frontmatter.ts';

/** Entries store their file relative to the project root, where builds run (see src/lib/content-dir.ts). */
export function articleBody(article: { id: string; filePath?: string | undefined }): string {
  if (!article.filePath) throw new Error(`文章 ${article.id} 没有记录源文件路径，无法读取正文。`);
  return entryBody(readFileSync(resolve(article.filePath), 'utf8'));
}
