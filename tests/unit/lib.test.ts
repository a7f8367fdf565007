import { describe, expect, it } from 'vitest';
import { formatDate, isoDay, parseDay } from '../../src/lib/dates.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { neighbours, planOrder } from '../../src/lib/ordering.ts';
import { pageTitle } from '../../src/lib/page-title.ts';
import { readingMinutes } from '../../src/lib/reading.ts';
import { articlePath, tagPath, toSlug, SLUG_PATTERN } from '../../src/lib/slug.ts';

describe('toSlug', () => {
  it('spells Chinese in toneless pinyin, keeps Latin letters and digits', () => {
    expect(toSlug('分期购机')).toBe('fen-qi-gou-ji');
    expect(toSlug('iPhone 分期')).toBe('iphone-fen-qi');
    expect(toSlug('0首付')).toBe('0-shou-fu');
    expect(toSlug('芝麻信用（600 分）')).toBe('zhi-ma-xin-yong-600-fen');
  });
  it('always yields a valid slug', () => {
    for (const text of ['租机', '民法典', 'App', '逾期 / 催收', '绿色出行·机车']) expect(toSlug(text)).toMatch(SLUG_PATTERN);
  });
  it('builds paths', () => {
    expect(articlePath('lease-renewal')).toBe('/articles/lease-renewal/');
    expect(tagPath('押金')).toBe('/tags/ya-jin/');
  });
});

describe('parseDay', () => {
  it('accepts real days as strings or dates', () => {
    expect(parseDay('2024-05-31')?.toISOString()).toBe('2024-05-31T00:00:00.000Z');
    expect(parseDay(new Date('2026-11-27'))?.toISOString()).toBe('2026-11-27T00:00:00.000Z');
    expect(parseDay('2024-02-29')).toBeDefined();
  });
  it('rejects days that do not exist and other text', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2025-02-29', '2026-1-5', '上周五', '', 20261127, undefined, new Date('x')]) expect(parseDay(bad)).toBeUndefined();
  });
  it('formats for readers and machines', () => {
    const day = parseDay('2024-05-31')!;
    expect(formatDate(day)).toBe('2024年5月31日');
    expect(isoDay(day)).toBe('2024-05-31');
  });
});

describe('splitFrontmatter', () => {
  it('separates YAML and body and knows where the body starts', () => {
    const split = splitFrontmatter('---\ntitle: 标题\nslug: a\n---\n\n正文')!;
    expect(split.yaml).toBe('title: 标题\nslug: a');
    expect(split.body).toBe('\n正文');
    expect(split.bodyStartLine).toBe(5);
  });
  it('handles Windows line endings and a BOM', () => {
    expect(splitFrontmatter('\uFEFF---\r\ntitle: x\r\n---\r\nbody')?.body).toBe('body');
  });
  it('is undefined when the block is not closed', () => {
    expect(splitFrontmatter('---\ntitle: x\n正文')).toBeUndefined();
    expect(splitFrontmatter('正文')).toBeUndefined();
  });
});

describe('planOrder and neighbours', () => {
  const d = (s: string) => new Date(s);
  const items = [
    { slug: 'c', publishedAt: d('2026-01-01') },
    { slug: 'new', publishedAt: d('2026-06-01') },
    { slug: 'a', publishedAt: d('2026-01-01') },
    { slug: 'old', publishedAt: d('2025-01-01') },
  ];
  it('puts planned articles in plan order, then the rest newest first', () => {
    const ordered = planOrder(items, (x) => x, new Map([['a', 0], ['c', 1]]));
    expect(ordered.map((x) => x.slug)).toEqual(['a', 'c', 'new', 'old']);
  });
  it('gives previous and next', () => {
    const map = neighbours(['a', 'b', 'c'], (x) => x);
    expect(map.get('a')).toEqual({ previous: undefined, next: 'b' });
    expect(map.get('b')).toEqual({ previous: 'a', next: 'c' });
    expect(map.get('c')).toEqual({ previous: 'b', next: undefined });
  });
});

describe('readingMinutes and pageTitle', () => {
  it('reads about 400 Chinese characters a minute, at least one minute', () => {
    expect(readingMinutes('字'.repeat(2000))).toBe(5);
    expect(readingMinutes('短')).toBe(1);
  });
  it('joins title parts in the Baidu order', () => {
    expect(pageTitle('站点', '文章', '分类')).toBe('文章 - 分类 - 站点');
    expect(pageTitle('站点', '分类')).toBe('分类 - 站点');
  });
});
