/**
 * Where the social images live and how big they are: what pages need to reference them,
 * kept apart from the renderer so a page does not load satori and resvg.
 */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
export const LOGO_SIZE = 512;

/** Site path of the social image of an article, a category, or the whole site. */
export const ogImagePath = (kind: 'articles' | 'categories' | 'site', slug?: string) => (kind === 'site' ? '/og/site.png' : `/og/${kind}/${slug}.png`);

/**
 * Up to this many articles, every article gets its own card. A larger site would pay
 * about 30 ms of build CPU and one file in dist/ per article (10,000 cards alone would
 * make 20,000 files with the pages, the limit of hosts such as Cloudflare Pages), so
 * its articles share their category's card instead.
 */
export const PER_ARTICLE_CARD_LIMIT = 2000;

/** Whether a site with this many articles renders one card per article. */
export const hasArticleCards = (articleCount: number) => articleCount <= PER_ARTICLE_CARD_LIMIT;

/** The social image an article page references: its own card, or its category's on a very large site. */
export const articleImagePath = (article: { slug: string; category: string }, articleCount: number) =>
  hasArticleCards(articleCount) ? ogImagePath('articles', article.slug) : ogImagePath('categories', article.category);

/** The publisher logo (square, opaque), for Organization.logo. */
export const LOGO_PATH = '/og/logo.png';
