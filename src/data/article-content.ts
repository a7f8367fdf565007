/**
 * The body of an article page. Articles that use MDX were left to Astro's MDX compiler by
 * the loader (src/lib/article-loader.ts marks them `deferredRender`, as glob() does); the
 * plain-Markdown ones are rendered here with the site's Markdown processor, so they need no
 * JS module of their own.
 */
import { render } from 'astro:content';
import type { MarkdownHeading } from 'astro';
import { renderPlainArticle } from '../lib/article-markdown.ts';
import type { Article } from './catalog.ts';

export type ArticleContent =
  | { html: string; headings: MarkdownHeading[] }
  | { Content: Awaited<ReturnType<typeof render>>['Content']; headings: MarkdownHeading[] };

/** `body` is the article's Markdown (articleBody), used for plain-Markdown articles. */
export async function articleContent(article: Article, body: string): Promise<ArticleContent> {
  // Astro copies every stored field onto the entry; render() reads the same flag.
  if ((article as Article & { deferredRender?: boolean }).deferredRender) {
    const { Content, headings } = await render(article);
    return { Content, headings };
  }
  return renderPlainArticle(body);
}
