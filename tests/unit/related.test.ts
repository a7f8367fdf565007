import { describe, expect, it } from 'vitest';
import { proseOf } from '../../src/lib/article-text.ts';
import { computeRelated, topK, words } from '../../src/lib/related.ts';
import { readArticles } from '../support/content.ts';

describe('words', () => {
  it('cuts Han text into neighbouring pairs, keeps Latin words, drops single characters and numbers', () => {
    const w = words('租机到期不归还的后果，会影响征信吗？iPhone 15 的 APR 2026');
    expect(w).toContain('征信');
    expect(w).toContain('租机');
    expect(w).toContain('iphone');
    expect(w).toContain('apr');
    // Pairs never reach across punctuation or spaces.
    expect(w).not.toContain('果会');
    expect(w).not.toContain('2026');
    expect(w).not.toContain('15');
    expect(w.every((x) => [...x].length >= 2)).toBe(true);
  });
});

describe('computeRelated on small inputs', () => {
  const item = (slug: string, category: string, tags: string[], text: string) => ({ slug, category, tags, title: '', text });
  it('never lists the article itself, and is never empty when other articles exist', () => {
    const related = computeRelated([item('a', 'x', [], '完全不同的内容甲'), item('b', 'y', [], '另外一些文字乙')]);
    expect(related.get('a')).toEqual(['b']);
    expect(related.get('b')).toEqual(['a']);
  });
  it('prefers shared vocabulary and tags', () => {
    const related = computeRelated([
      item('deposit', 'leasing', ['押金'], '租机押金退还押金扣除押金比例'),
      item('deposit-free', 'leasing', ['押金'], '免押金租机押金信用免押'),
      item('travel', 'other', ['旅行'], '骑行旅行路线规划头盔'),
      item('bike', 'other', ['旅行'], '机车旅行骑行装备头盔'),
    ]);
    expect(related.get('deposit')![0]).toBe('deposit-free');
    expect(related.get('travel')![0]).toBe('bike');
  });
});

describe('computeRelated on the real articles', () => {
  const articles = readArticles();
  const related = computeRelated(
    articles.map((a) => ({ slug: String(a.data.slug), category: String(a.data.category), tags: a.data.tags as string[], title: String(a.data.title), text: proseOf(a.body) })),
  );
  it('relates the lease-not-returned article to buyout and early return, not to motorcycle trips', () => {
    const list = related.get('lease-not-returned-consequences')!;
    expect(list.length).toBe(5);
    expect(list).not.toContain('motorcycle-travel-rental');
    expect(list.some((s) => ['lease-end-buyout-expensive', 'lease-early-return', 'lease-to-buyout-pricing', 'alipay-lease-buyout'].includes(s))).toBe(true);
  });
  it('relates the motorcycle trip article to the motorcycle rental guide', () => {
    expect(related.get('motorcycle-travel-rental')!.slice(0, 2)).toContain('motorcycle-rental-guide');
  });
  it('gives every article five related articles, none of them itself', () => {
    for (const [slug, list] of related) {
      expect(list).toHaveLength(5);
      expect(list).not.toContain(slug);
      expect(new Set(list).size).toBe(5);
    }
  });
});

describe('topK', () => {
  it('keeps the k best in order, ties in input order, and works with fewer than k items', () => {
    const byScore = (a: [string, number], b: [string, number]) => a[1] > b[1];
    const items: [string, number][] = [['a', 1], ['b', 5], ['c', 3], ['d', 5], ['e', 0], ['f', 4]];
    expect(topK(items, 3, byScore)).toEqual([['b', 5], ['d', 5], ['f', 4]]);
    expect(topK(items.slice(0, 2), 3, byScore)).toEqual([['b', 5], ['a', 1]]);
    expect(topK(items, 1, byScore)).toEqual([['b', 5]]);
  });

  it('matches a full sort on many random scores', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const scores = Array.from({ length: 2000 }, (_, i) => [i, Math.round(random() * 500)] as [number, number]);
    const better = (a: [number, number], b: [number, number]) => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
    const sorted = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 40);
    expect(topK(scores, 40, better)).toEqual(sorted);
  });
});
