/**
 * Search while editing (`npm run dev`): Pagefind records made straight from the article
 * sources, drafts included, so an editor can check that a new article is found before it
 * is built. The built site indexes the rendered pages instead (scripts/build.ts).
 */
import type { CustomRecord } from 'pagefind';
import { isProblem, parseArticle, type SourceFile } from './content-checks.ts';
import { parseMdx } from './lint/mdx.ts';
import type { MdxNode } from './lint/components.ts';

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

/** One Pagefind record per article that parses; `categoryNames` maps category slugs to names. */
export function searchRecords(files: readonly SourceFile[], categoryNames: ReadonlyMap<string, string>): CustomRecord[] {
  return files.flatMap((file): CustomRecord[] => {
    const article = parseArticle(file);
    if (isProblem(article) || typeof article.data.slug !== 'string' || typeof article.data.title !== 'string') return [];
    const parsed = parseMdx(file.file, file.source);
    const body = 'tree' in parsed ? plainText(parsed.tree) : article.body;
    const faq = Array.isArray(article.data.faq) ? (article.data.faq as { question?: unknown; answer?: unknown }[]) : [];
    const category = categoryNames.get(String(article.data.category)) ?? String(article.data.category ?? '');
    return [
      {
        url: `/articles/${article.data.slug}/`,
        language: 'zh-cn',
        content: [article.data.title, body, ...faq.flatMap((f) => [String(f.question ?? ''), String(f.answer ?? '')])].join('\n'),
        meta: { title: article.data.title },
        filters: category ? { category: [category] } : ({} as Record<string, string[]>),
      },
    ];
  });
}
