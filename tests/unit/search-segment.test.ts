/** Index-time and query-time word cutting for the full-text index, on real article text and real queries. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hanWords, lexiconOf, queryWords, spaceHanWords, unspaceHan } from '../../src/lib/search/segment.ts';
import { extraShards, shardLanguage } from '../../src/lib/search/shards.ts';
import { articleRecord } from '../../src/lib/search/records.ts';

const lexicon = lexiconOf(['租机', '验机', '押金', '免押', '月供', '芝麻分', 'iphone', '小米商城']);

describe('word cutting', () => {
  it('keeps only Han terms of two or more characters in the lexicon', () => {
    expect([...lexicon.terms].sort()).toEqual(['免押', '小米商城', '押金', '月供', '租机', '芝麻分', '验机'].sort());
  });

  it('joins back site terms the general segmenter leaves in single characters', () => {
    // Intl.Segmenter alone cuts 租机 and 验机 into characters.
    expect(hanWords('租机', lexiconOf([]))).toEqual(['租', '机']);
    expect(hanWords('租机押金多久能退', lexicon)).toEqual(['租机', '押金', '多久', '能', '退']);
    expect(hanWords('归还后验机无误就退', lexicon)).toEqual(['归还', '后', '验机', '无误', '就', '退']);
  });

  it('never glues real words into a longer one, so the shorter word stays findable', () => {
    // 免押金: 押金 must remain a word of its own, or a search for 押金 would miss it.
    expect(hanWords('免押金租机', lexicon)).toContain('押金');
    expect(hanWords('手机被锁了', lexicon)).toContain('手机');
  });

  it('cuts a query exactly as the same words are cut inside an article', () => {
    const article = '很多人问租机押金多久能退，其实要看合同。';
    const indexed = spaceHanWords(article, lexicon).split(/[^\p{L}\p{N}]+/u);
    for (const query of ['租机押金', '押金多久能退', '合同']) {
      const words = queryWords(query, lexicon);
      expect(words.length).toBeGreaterThan(0);
      for (const word of words) expect(indexed).toContain(word);
    }
  });

  it('cuts a whole article in one pass into the same words as run by run of Han characters', () => {
    const source = readFileSync('content/articles/lowest-deposit-lease-cost.mdx', 'utf8');
    const runByRun = source.replace(/\p{Script=Han}+/gu, (run) => hanWords(run, lexicon).join(' '));
    // Spaces beside full-width punctuation are added in both; compare the words between them.
    const withoutPunctuationSpaces = (text: string) => text.replace(/ (?=[^\p{Script=Han}\x00-\x7f])|(?<=[^\p{Script=Han}\x00-\x7f]) /gu, '');
    expect(source.length).toBeGreaterThan(2000);
    expect(withoutPunctuationSpaces(spaceHanWords(source, lexicon))).toBe(withoutPunctuationSpaces(runByRun));
  });

  it('splits queries on punctuation and keeps Latin words and numbers', () => {
    expect(queryWords('iPhone 16 分期，月供多少？', lexicon)).toEqual(['iPhone', '16', '分期', '月供', '多少']);
  });

  it('changes nothing but the spaces between Han words, which unspaceHan removes again', () => {
    const text = '分期购机“0 首付免押金”本身不违法，iPhone 16 也一样。';
    const spaced = spaceHanWords(text, lexicon);
    expect(spaced).not.toBe(text);
    expect(unspaceHan(spaced)).toBe(text);
  });

  it('leaves no word glued to its neighbour across full-width punctuation (Pagefind splits only on spaces)', () => {
    const text = '在曲靖任何门店把货款退回给放款机构的，一般可以在收货之日起七日内退货。各地金融管理局”。“租金”和（赔偿）、押金';
    const tokens = spaceHanWords(text, lexicon).split(/\s+/);
    // Every token is Han words only or punctuation only: never "的，一般" (indexed as 的一般).
    for (const token of tokens) expect(token, token).toMatch(/^(\p{Script=Han}+|[^\p{Script=Han}]+)$/u);
    expect(tokens).toEqual(expect.arrayContaining(['的', '，', '一般', '管理局', '”', '。', '“', '租金', '（', '赔偿', '）', '、', '押金']));
    expect(unspaceHan(spaceHanWords(text, lexicon))).toBe(text);
  });

  it('restores Pagefind excerpts with highlight marks between the words', () => {
    expect(unspaceHan('押金 <mark>退还</mark> 要 7 天，iPhone 分期')).toBe('押金<mark>退还</mark>要 7 天，iPhone 分期');
    expect(unspaceHan('<mark>租机</mark> <mark>押金</mark>')).toBe('<mark>租机</mark><mark>押金</mark>');
    expect(unspaceHan('退还 <mark>押金</mark> ， 要 “ 验机 ” 。')).toBe('退还<mark>押金</mark>，要“验机”。');
  });
});

describe('full-text records and shards', () => {
  it('a record holds title, text and FAQ, cut into words, at the article URL', () => {
    const record = articleRecord({ slug: 'lease-deposit', title: '租机押金多久能退', text: '归还后验机无误就退。', faq: [{ question: '押金能催吗？', answer: '可以打 12315。' }] }, lexicon);
    expect(record.url).toBe('/articles/lease-deposit/');
    expect(record.meta).toEqual({ title: '租机押金多久能退' });
    expect(unspaceHan(record.content)).toBe('租机押金多久能退\n归还后验机无误就退。\n押金能催吗？\n可以打 12315。');
  });

  it('names shard 0 after the pages’ language and lists only the extra shards, in order', () => {
    expect(shardLanguage(0)).toBe('zh-cn');
    expect(extraShards({ 'zh-cn': {} })).toEqual([]);
    expect(extraShards({ 'zh-cn': {}, 'zh-cn-part1': {}, 'zh-cn-part2': {} })).toEqual(['zh-cn-part1', 'zh-cn-part2']);
  });
});
