/** The social image renderer on real titles: glyph subset, sizes, and a rendered PNG. */
import { describe, expect, it } from 'vitest';
import { articleImagePath, cardGlyphs, cardTree, loadSubsetFonts, OG_HEIGHT, OG_WIDTH, ogImagePath, PER_ARTICLE_CARD_LIMIT, pngSize, renderCard, renderLogo, titleSize, type OgCard } from '../../src/lib/og-image.ts';

const card: OgCard = { path: ogImagePath('articles', 'lease-early-return'), title: '租机提前归还的租金问题解析', category: '租机指南', siteName: '分期租机知识库' };

describe('social image cards', () => {
  it('collects each character once, from every part of every card', () => {
    const glyphs = cardGlyphs([card, { ...card, title: 'iPhone 16 分期' }]);
    expect([...glyphs].length).toBe(new Set(glyphs).size);
    for (const ch of '租机提前归还的金问题解析指南分期知识库iPhone16 知') expect(glyphs).toContain(ch);
  });

  it('shrinks the title as it gets longer so the longest allowed title fits', () => {
    expect(titleSize('租机流程全解析')).toBe(76);
    expect(titleSize('租机提前归还的租金问题解析')).toBe(68);
    expect(titleSize('字'.repeat(64))).toBe(52);
  });

  it('draws the title, the category and the site name', () => {
    const text = JSON.stringify(cardTree(card));
    for (const part of [card.title, card.category!, card.siteName]) expect(text).toContain(part);
  });

  it('paths: per article, per category, one for the site', () => {
    expect(ogImagePath('articles', 'a')).toBe('/og/articles/a.png');
    expect(ogImagePath('categories', 'leasing')).toBe('/og/categories/leasing.png');
    expect(ogImagePath('site')).toBe('/og/site.png');
  });

  it('gives every article its own card up to the limit, then the category card', () => {
    const article = { slug: 'lease-early-return', category: 'leasing' };
    expect(articleImagePath(article, 105)).toBe('/og/articles/lease-early-return.png');
    expect(articleImagePath(article, PER_ARTICLE_CARD_LIMIT)).toBe('/og/articles/lease-early-return.png');
    expect(articleImagePath(article, PER_ARTICLE_CARD_LIMIT + 1)).toBe('/og/categories/leasing.png');
  });

  it('renders a 1200×630 PNG from a font subset a fraction of the full font’s size', async () => {
    const fonts = await loadSubsetFonts(cardGlyphs([card]));
    // The full Noto Sans SC weight is about 10 MB; the subset for one card is tiny.
    expect(fonts.regular.length).toBeLessThan(200_000);
    expect(fonts.bold.length).toBeLessThan(200_000);
    const png = await renderCard(card, fonts);
    expect(pngSize(png)).toEqual({ width: OG_WIDTH, height: OG_HEIGHT });
    expect(pngSize(await renderLogo(fonts))).toEqual({ width: 512, height: 512 });
  }, 60_000);

  it('pngSize rejects what is not a PNG', () => {
    expect(pngSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
  });
});
