/**
 * The Markdown processor of the articles, defined once: astro.config.mjs hands it to Astro
 * (for `.md` and, through @astrojs/mdx, for every `.mdx` article) and renderPlainArticle()
 * uses it for the plain-Markdown articles that skip the MDX compiler
 * (src/lib/article-loader.ts). Same processor, same plugins, so the same HTML: heading ids,
 * external-link marks, tables (checked page by page in tests/build/markdown-fast-path.test.ts).
 */
import { satteri } from '@astrojs/markdown-satteri';
import type { MarkdownHeading } from 'astro';
import { externalLinksPlugin } from './external-links.ts';
import { SITE } from './site.ts';

/** Sätteri with the site's hast plugins: links to other sites get rel and a visible mark. */
export function articleMarkdownProcessor(siteUrl: string = SITE.url) {
  return satteri({ hastPlugins: [externalLinksPlugin({ siteUrl })] });
}

type Renderer = Awaited<ReturnType<ReturnType<typeof articleMarkdownProcessor>['createRenderer']>>;
let renderer: Promise<Renderer> | undefined;

export interface RenderedArticle {
  html: string;
  headings: MarkdownHeading[];
}

/**
 * Renders the body of a plain-Markdown article, as Astro's own Markdown rendering would with
 * the configured processor. No syntax highlighter is loaded: code blocks (and anything else
 * the MDX compiler writes differently) keep an article on the MDX path.
 */
export async function renderPlainArticle(body: string): Promise<RenderedArticle> {
  renderer ??= articleMarkdownProcessor().createRenderer({ syntaxHighlight: false });
  const { code, metadata } = await (await renderer).render(body);
  // The Markdown renderer ends with a newline the MDX output does not have: without it the
  // page is byte for byte what the MDX path builds.
  return { html: code.replace(/\n$/, ''), headings: metadata.headings };
}
