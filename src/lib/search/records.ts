/**
 * The full-text index's records, made straight from the article sources (the build
 * indexes them while Astro renders; `npm run dev` indexes them drafts included). Each
 * record holds what a reader reads, title, body without markup and FAQ, cut into words
 * by spaceHanWords(), which the browser also applies to every query.
 */
import type { CustomRecord } from 'pagefind';
import { isProblem, parseArticle, type SourceFile } from '../content-checks.ts';
import { parseMdx } from '../lint/mdx.ts';
import type { MdxNode } from '../lint/components.ts';
import { spaceHanWords, type Lexicon } from './segment.ts';

/**
 * Pagefind's language for the records. Not zh-*: that would make Pagefind segment the
 * text again with its own dictionary and undo the word boundaries the browser relies on.
 * Pages in zh-CN then use this index, the only one there is.
 */
export const INDEX_LANGUAGE = 'unknown';

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'tableCell', 'blockquote', 'code']);

/** The readable text of an MDX body: text, code and headings, one block per line; no markup. */
export function plainText(tree: MdxNode): string {
  const out: string[] = [];
  const walk = (node: MdxNode) => {
    if ((node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') && typeof node.value === 'string') out.push(node.value);
    for (const child of node.children ?? []) walk(child);
    if (BLOCKS.has(node.type)) out.push('\n');
  };
  walk(tree);
  return out.join('').replace(/\n{2,}/g, '\n').trim();
}

export interface RecordInput {
  slug: string;
  title: string;
  /** The body's text (plainText of its tree). */
  text: string;
  faq: readonly { question?: unknown; answer?: unknown }[];
}

export function articleRecord(input: RecordInput, lexicon: Lexicon): CustomRecord {
  const faq = input.faq.flatMap((f) => [String(f.question ?? ''), String(f.answer ?? '')]);
  return {
    url: `/articles/${input.slug}/`,
    language: INDEX_LANGUAGE,
    content: spaceHanWords([input.title, input.text, ...faq].join('\n'), lexicon),
    meta: { title: input.title },
  };
}

/** One record per article source that parses (drafts included). */
export function searchRecords(files: readonly SourceFile[], lexicon: Lexicon): CustomRecord[] {
  return files.flatMap((file): CustomRecord[] => {
    const article = parseArticle(file);
    if (isProblem(article) || typeof article.data.slug !== 'string' || typeof article.data.title !== 'string') return [];
    const parsed = parseMdx(file.file, file.source);
    const text = 'tree' in parsed ? plainText(parsed.tree) : article.body;
    const faq = Array.isArray(article.data.faq) ? (article.data.faq as RecordInput['faq']) : [];
    return [articleRecord({ slug: article.data.slug, title: article.data.title, text, faq }, lexicon)];
  });
}
