/** The real search data in content/search/ is valid and points at real articles. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSearchData } from '../../src/lib/search/load-data.ts';

const slugs = new Set(readdirSync('content/articles').filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, '')));

describe('content/search', () => {
  it('parses without errors', () => {
    const data = loadSearchData('content', slugs);
    expect(data.synonyms.groups.length).toBeGreaterThan(30);
    expect(data.synonyms.groups).toContainEqual(expect.arrayContaining(['零首付', '0首付']));
    expect(data.synonyms.groups).toContainEqual(expect.arrayContaining(['苹果', 'iphone']));
    expect(data.synonyms.groups).toContainEqual(expect.arrayContaining(['租手机', '租机']));
    expect(data.synonyms.groups).toContainEqual(expect.arrayContaining(['信用报告', '征信']));
    expect(data.featured.length).toBeGreaterThan(0);
  });
  it('has no single-character synonyms (they would match almost everything)', () => {
    for (const group of loadSearchData('content', slugs).synonyms.groups) for (const term of group) expect([...term].length, term).toBeGreaterThan(1);
  });
});
