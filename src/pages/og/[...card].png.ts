/**
 * Social images, one PNG per article (see PER_ARTICLE_CARD_LIMIT), per category and for
 * the site, plus the publisher logo. The font subset is cut once per build from the text of every card.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { join } from 'node:path';
import { getCatalog } from '../../data/catalog.ts';
import { cachedRender, cardGlyphs, cardTree, hasArticleCards, loadSubsetFonts, LOGO_PATH, logoTree, ogImagePath, renderCard, renderLogo, type OgCard, type OgFonts } from '../../lib/og-image.ts';
import { SITE } from '../../lib/site.ts';

async function allCards(): Promise<OgCard[]> {
  const { articles, categories, categoryBySlug } = await getCatalog();
  return [
    { path: ogImagePath('site'), title: SITE.name, subtitle: SITE.tagline, siteName: SITE.name },
    ...categories.map((c) => ({ path: ogImagePath('categories', c.slug), title: c.name, subtitle: c.description, siteName: SITE.name })),
    ...(hasArticleCards(articles.length) ? articles : []).map((a) => ({ path: ogImagePath('articles', a.id), title: a.data.title, category: categoryBySlug.get(a.data.category)!.name, siteName: SITE.name })),
  ];
}

let fonts: Promise<OgFonts> | undefined;
/** Subset once per build, and only if some card is not already in the cache. */
const buildFonts = () => (fonts ??= allCards().then((cards) => loadSubsetFonts(cardGlyphs(cards))));
/** node_modules/.astro/<content>/og-images when built by scripts/build.ts; no cache in dev. */
const cacheDir = process.env.ASTRO_CACHE_DIR ? join(process.env.ASTRO_CACHE_DIR, 'og-images') : undefined;

const param = (path: string) => path.replace(/^\/og\//, '').replace(/\.png$/, '');

export const getStaticPaths = (async () => [
  ...(await allCards()).map((card) => ({ params: { card: param(card.path) }, props: { card } })),
  { params: { card: param(LOGO_PATH) }, props: { card: undefined } },
]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const card = (props as { card?: OgCard }).card;
  const png = card
    ? await cachedRender(cardTree(card), cacheDir, async () => renderCard(card, await buildFonts()))
    : await cachedRender(logoTree(), cacheDir, async () => renderLogo(await buildFonts()));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
