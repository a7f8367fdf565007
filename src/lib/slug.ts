import { pinyin } from 'pinyin-pro';

/** Article slugs: lowercase ASCII words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * ASCII URL segment for any Chinese or mixed text: pinyin without tones for Han
 * characters, lowercase Latin and digits kept, everything else a separator.
 * 分期购机 → fen-qi-gou-ji, iPhone 分期 → iphone-fen-qi.
 */
export function toSlug(text: string): string {
  const spelled = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  return spelled
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const articlePath = (slug: string) => `/articles/${slug}/`;
export const categoryPath = (slug: string) => `/categories/${slug}/`;
export const tagPath = (tag: string) => `/tags/${toSlug(tag)}/`;
