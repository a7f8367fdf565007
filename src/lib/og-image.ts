/**
 * Social images (og:image / twitter:image): a 1200×630 PNG per page with the Chinese
 * title, the category and the site name, drawn with satori (layout → SVG) and resvg
 * (SVG → PNG). Noto Sans SC is ~10 MB per weight, so it is subset once per build to the
 * glyphs of every card, which keeps satori's font parsing and the build fast.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import subsetFont from 'subset-font';

import { LOGO_SIZE, OG_HEIGHT, OG_WIDTH } from './og-image-paths.ts';

export * from './og-image-paths.ts';

const BRAND = '#1f5f8b';
const BRAND_TINT = '#e7f0f6';
const INK = '#17232d';
const MUTED = '#4b5b68';
/** The mark of the favicon, drawn in the same font so the logo needs no extra files. */
export const LOGO_MARK = '知';

export interface OgCard {
  /** Site path of the PNG, e.g. /og/articles/lease-deposit.png. */
  path: string;
  title: string;
  /** The category label above the title; omitted on the site card. */
  category?: string;
  siteName: string;
  /** Shown under the title on the site and category cards. */
  subtitle?: string;
}


/** Every character the cards draw, for the font subset. */
export function cardGlyphs(cards: readonly OgCard[]): string {
  const chars = new Set<string>(LOGO_MARK);
  for (const card of cards) for (const part of [card.title, card.category, card.siteName, card.subtitle]) for (const ch of part ?? '') chars.add(ch);
  return [...chars].sort().join('');
}

/** Title size steps down with length so up to 64 characters fit in four lines. */
export function titleSize(title: string): number {
  const length = [...title].length;
  if (length <= 12) return 76;
  if (length <= 20) return 68;
  if (length <= 32) return 60;
  return 52;
}

// satori takes React-element-shaped objects; this builds them without React.
type Node = { type: string; props: Record<string, unknown> };
const h = (type: string, style: Record<string, unknown>, ...children: (Node | string)[]): Node => ({
  type,
  props: { style, children: children.length === 1 ? children[0] : children },
});

const mark = (size: number, rounded = true): Node =>
  h(
    'div',
    { display: 'flex', alignItems: 'center', justifyContent: 'center', width: size, height: size, borderRadius: rounded ? size * 0.19 : 0, background: BRAND, color: '#ffffff', fontSize: size * 0.58, fontWeight: 700 },
    LOGO_MARK,
  );

/** The card layout: a calm white page, category pill, big title, site name at the foot. */
export function cardTree(card: OgCard): Node {
  const top = card.category
    ? h('div', { display: 'flex' }, h('div', { display: 'flex', padding: '8px 24px', borderRadius: 999, background: BRAND_TINT, color: BRAND, fontSize: 30, fontWeight: 700 }, card.category))
    : h('div', { display: 'flex', height: 8, width: 96, background: BRAND, borderRadius: 4 });
  const middle = h(
    'div',
    { display: 'flex', flexDirection: 'column', gap: 20 },
    h('div', { display: 'flex', color: INK, fontSize: titleSize(card.title), fontWeight: 700, lineHeight: 1.3, letterSpacing: 1 }, card.title),
    ...(card.subtitle ? [h('div', { display: 'flex', color: MUTED, fontSize: 30, lineHeight: 1.5 }, card.subtitle)] : []),
  );
  const foot = h('div', { display: 'flex', alignItems: 'center', gap: 18 }, mark(56), h('div', { display: 'flex', color: BRAND, fontSize: 32, fontWeight: 700 }, card.siteName));
  // satori boxes are content-box: padding on a fixed-size root would grow the image, so
  // the padded column stretches inside a root of exactly OG_WIDTH × OG_HEIGHT.
  return h(
    'div',
    { display: 'flex', flexDirection: 'column', width: OG_WIDTH, height: OG_HEIGHT, background: '#ffffff', fontFamily: 'Noto Sans SC' },
    h('div', { display: 'flex', flexDirection: 'column', justifyContent: 'space-between', flexGrow: 1, padding: '64px 80px 56px' }, top, middle, foot),
    h('div', { display: 'flex', height: 14, background: BRAND }),
  );
}

export interface OgFonts {
  regular: Buffer;
  bold: Buffer;
}

// Resolved from the project root: during a build this module runs from a bundled chunk.
const projectRequire = createRequire(join(process.cwd(), 'package.json'));
const fontFile = (dir: string, name: string) =>
  projectRequire.resolve(`@expo-google-fonts/noto-sans-sc/${dir}/${name}.ttf`);

/** Noto Sans SC 400 and 700, cut down to `glyphs` (TrueType, which satori reads). */
export async function loadSubsetFonts(glyphs: string): Promise<OgFonts> {
  const [regular, bold] = await Promise.all(
    [fontFile('400Regular', 'NotoSansSC_400Regular'), fontFile('700Bold', 'NotoSansSC_700Bold')].map(async (file) =>
      subsetFont(await readFile(file), glyphs, { targetFormat: 'truetype' }),
    ),
  );
  return { regular: regular!, bold: bold! };
}

async function toPng(tree: Node, width: number, height: number, fonts: OgFonts): Promise<Buffer> {
  const svg = await satori(tree, {
    width,
    height,
    fonts: [
      { name: 'Noto Sans SC', data: fonts.regular, weight: 400, style: 'normal' },
      { name: 'Noto Sans SC', data: fonts.bold, weight: 700, style: 'normal' },
    ],
  });
  // Text arrives as paths, so resvg needs no fonts of its own.
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
}

export const renderCard = (card: OgCard, fonts: OgFonts) => toPng(cardTree(card), OG_WIDTH, OG_HEIGHT, fonts);

/** The publisher logo: the favicon's mark on an opaque square (Baidu asks for no transparency). */
export const logoTree = (): Node => h('div', { display: 'flex', width: LOGO_SIZE, height: LOGO_SIZE, fontFamily: 'Noto Sans SC' }, mark(LOGO_SIZE, false));
export const renderLogo = (fonts: OgFonts) => toPng(logoTree(), LOGO_SIZE, LOGO_SIZE, fonts);

/** Width and height from a PNG's IHDR chunk (for tests and checks; no decoder needed). */
export function pngSize(png: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b)) return undefined;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * A PNG from the on-disk cache, or rendered and stored. The key hashes the full layout
 * tree (so any change of text or design misses) and the renderer and font versions, so
 * a rebuild only draws the cards that changed. Without a cache folder, always renders.
 */
export async function cachedRender(key: unknown, cacheDir: string | undefined, render: () => Promise<Buffer>): Promise<Buffer> {
  if (!cacheDir) return render();
  const hash = createHash('sha256').update(JSON.stringify([key, RENDERER_VERSIONS])).digest('hex').slice(0, 32);
  const file = join(cacheDir, `${hash}.png`);
  try {
    return await readFile(file);
  } catch {
    const png = await render();
    await mkdir(cacheDir, { recursive: true });
    // Write then rename, so a build that stops halfway never leaves half a PNG behind.
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, png);
    await rename(partial, file);
    return png;
  }
}

const RENDERER_VERSIONS = ['satori', '@resvg/resvg-js', 'subset-font', '@expo-google-fonts/noto-sans-sc'].map((name) => {
  try {
    return `${name}@${(projectRequire(`${name}/package.json`) as { version: string }).version}`;
  } catch {
    return name;
  }
});
