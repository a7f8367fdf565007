/**
 * Where the social images live and how big they are: what pages need to reference them,
 * kept apart from the renderer so a page does not load satori and resvg.
 */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
export const LOGO_SIZE = 512;

/** Site path of the social image of an article, a category, or the whole site. */
export const ogImagePath = (kind: 'articles' | 'categories' | 'site', slug?: string) => (kind === 'site' ? '/og/site.png' : `/og/${kind}/${slug}.png`);

/** The publisher logo (square, opaque), for Organization.logo. */
export const LOGO_PATH = '/og/logo.png';
