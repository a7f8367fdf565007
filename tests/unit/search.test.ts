/**
 * The search query pipeline (src/lib/search/): normalisation, pinyin, synonyms data,
 * query analysis, ranking and merging, highlighting — with real Chinese queries and a
 * small real-shaped index built by the same code as the site's.
 */
import { describe, expect, it } from 'vitest';
import { buildSuggestIndex, firstSentence, readings } from '../../src/lib/search/build-index.ts';
import { parseAliases, parseFeatured, parseSynonyms, SearchDataError } from '../../src/lib/search/data-files.ts';
import { escapeHtml, markTerms } from '../../src/lib/search/highlight.ts';
import { bigrams, looksLikePinyin, normalizeText, splitRuns } from '../../src/lib/search/normalize.ts';
import { pinyinCandidates, pinyinPhrases, segmentPinyin } from '../../src/lib/search/pinyin.ts';
import { analyzeQuery, highlightTerms } from '../../src/lib/search/query.ts';
import { exactMatcher, FULLTEXT_MIN_COVERAGE, fullTextTerms, mergeResults, prepareIndex, scoreLocal, textCoverage } from '../../src/lib/search/rank.ts';
import { shorterQueries } from '../../src/lib/search/suggest.ts';

const SYNONYMS = `
synonyms:
  - [零首付, 0首付, 免首付]
  - [苹果手机, 苹果, iPhone]
  - [租机, 租手机]
  - [征信, 信用报告]
  - [锁机, 被锁, 锁了]
  - [暂停, 用不了, 不能用]
  - [不归还, 不还]
corrections:
  正信: 征信
`;

const article = (slug: string, title: string, category: string, tags: string[], description = `${title}。本文说明。`, faq: string[] = [], headings: string[] = []) => ({
  slug,
  title,
  category,
  description,
  tags,
  faqQuestions: faq,
  headings,
});

const ARTICLES = [
  article('locked-installment-phone', '分期手机被锁解决指南', 'repayment', ['锁机', '逾期'], '分期手机被锁，先分清是哪种锁。', ['已经还清了，手机还是锁着，怎么办？']),
  article('lease-not-returned-consequences', '租机到期不归还的后果', 'repayment', ['租机', '逾期']),
  article('phone-leasing-explained', '租机服务全面解析', 'leasing', ['租机', '押金']),
  article('lowest-deposit-lease-cost', '押金最低的租机方案是否真划算?', 'leasing', ['押金', '租机']),
  article('zero-down-guide', '零首付分期购买手机全攻略', 'installment', ['零首付', '分期购机']),
  article('iphone-installment-safety', '分期购买苹果手机的安全性与实用性', 'installment', ['苹果手机', '分期购机']),
  article('missed-installment-consequences', '分期手机未还款的后果', 'repayment', ['逾期', '征信']),
  article('xiaomi-installment-paused', '小米商城分期功能暂停使用的原因分析', 'outage', ['小米商城']),
];
const CATEGORIES = [
  { slug: 'outage', name: '分期功能暂停' },
  { slug: 'installment', name: '分期购机' },
  { slug: 'leasing', name: '租机指南' },
  { slug: 'repayment', name: '还款与逾期' },
];
const index = prepareIndex(
  buildSuggestIndex({
    articles: ARTICLES,
    categories: CATEGORIES,
    synonyms: parseSynonyms('content/search/synonyms.yaml', SYNONYMS),
    aliases: new Map([['locked-installment-phone', ['分期机被锁']]]),
    featured: ['phone-leasing-explained'],
  }),
);
const matcher = exactMatcher(index);
const slugOf = (doc: number) => index.docs[doc]!.slug;
const docOf = (slug: string) => index.docs.findIndex((d) => d.slug === slug);
const top = (query: string) => scoreLocal(matcher, analyzeQuery(query, index.context)).hits.map((h) => slugOf(h.doc));

describe('normalisation', () => {
  it('folds full-width, case, spaces and punctuation', () => {
    expect(normalizeText('０首付 ＩＰｈｏｎｅ１３？')).toBe('0首付iphone13');
    expect(normalizeText('  zu  ji ')).toBe('zuji');
    expect(normalizeText('租\u200b机')).toBe('租机');
  });
  it('splits runs of Han, Latin and digits', () => {
    expect(splitRuns('iphone13分期')).toEqual([
      { kind: 'latin', text: 'iphone', start: 0 },
      { kind: 'digit', text: '13', start: 6 },
      { kind: 'han', text: '分期', start: 8 },
    ]);
    expect(bigrams('租机到期')).toEqual(['租机', '机到', '到期']);
  });
  it('tells pinyin from English', () => {
    for (const p of ['zuji', 'fenqile', 'zhengxin', 'mianya', 'zuj']) expect(looksLikePinyin(p), p).toBe(true);
    for (const e of ['iphone', 'apple', 'vivo x']) expect(looksLikePinyin(e.replace(/ /g, '')), e).toBe(false);
  });
});

describe('pinyin', () => {
  it('reads polyphones both ways and cuts descriptions to the answer', () => {
    expect(readings('还').split('/')).toEqual(expect.arrayContaining(['hai', 'huan']));
    expect(firstSentence('分期买手机被拒，常见原因是征信有逾期。本文逐一说明。')).toBe('分期买手机被拒，常见原因是征信有逾期。');
  });
  const phrases = pinyinPhrases(['租机到期不归还的后果', '租机', '征信', '中介'], { 租: 'zu', 机: 'ji', 到: 'dao', 期: 'qi/ji', 不: 'bu/fou', 归: 'gui', 还: 'hai/huan', 的: 'de/di', 后: 'hou', 果: 'guo', 征: 'zheng', 信: 'xin', 中: 'zhong', 介: 'jie' });
  it('turns full pinyin, an unfinished syllable and initials into our phrases', () => {
    expect(pinyinCandidates(phrases, 'zuji')[0]!.text).toBe('租机');
    expect(pinyinCandidates(phrases, 'zuj')[0]!.text).toBe('租机');
    expect(pinyinCandidates(phrases, 'zj').map((c) => c.text)).toEqual(['租机', '中介']);
    expect(pinyinCandidates(phrases, 'guihuan')[0]!.text).toBe('归还');
  });
  it('splits long pinyin into phrases', () => {
    expect(segmentPinyin(phrases, 'zhengxinzuji').map((p) => p[0]!.text)).toEqual(['征信', '租机']);
    expect(segmentPinyin(phrases, 'qwrtyp')).toEqual([]);
  });
});

describe('synonyms and aliases data', () => {
  it('reads the groups and corrections, normalised', () => {
    const data = parseSynonyms('synonyms.yaml', SYNONYMS);
    expect(data.groups).toContainEqual(['苹果手机', '苹果', 'iphone']);
    expect(data.corrections).toEqual([['正信', '征信']]);
  });
  const error = (text: string) => {
    try {
      parseSynonyms('content/search/synonyms.yaml', text);
    } catch (e) {
      expect(e).toBeInstanceOf(SearchDataError);
      return (e as Error).message;
    }
    throw new Error('expected an error');
  };
  it('names the file, the line and the fix for malformed files', () => {
    expect(error('synonyms:\n  - [租机, 租手机\n')).toMatch(/^content\/search\/synonyms\.yaml:\d+ +YAML 写法有误/);
    expect(error('synonyms:\n  - [租机]\n')).toBe('content/search/synonyms.yaml:2  一组同义词至少要有两个不同的词，例如：- [征信, 信用报告]');
    expect(error('synonyms:\n  - [租机, 租手机]\n  - [押金, 租机]\n')).toBe('content/search/synonyms.yaml:3  “租机”已经出现在第 2 行的那一组里：把两组合并成一组，或删掉其中一处。');
    expect(error('synonym:\n  - [租机, 租手机]\n')).toContain(':1  不认识的小节“synonym”');
    expect(error('synonyms:\n  - 租机\n')).toContain(':2  每组同义词要写在方括号里');
    expect(error('synonyms:\n  - [套路, 坑]\n')).toContain(':2  “坑”只有一个字');
    expect(error('corrections:\n  征信: 征信\n')).toContain(':2  “征信”的纠正结果和原词相同');
  });
  it('rejects aliases and featured articles that do not exist', () => {
    const slugs = new Set(['locked-installment-phone']);
    expect(parseAliases('aliases.yaml', 'locked-installment-phone: [锁机]\n', slugs).get('locked-installment-phone')).toEqual(['锁机']);
    expect(() => parseAliases('aliases.yaml', 'locked-phone: [锁机]\n', slugs)).toThrow('aliases.yaml:1  没有 slug 为“locked-phone”的文章');
    expect(() => parseFeatured('featured.yaml', '- locked-installment-phone\n- nope\n', slugs)).toThrow('featured.yaml:2  没有 slug 为“nope”的文章');
  });
});

describe('query analysis', () => {
  it('drops question words but keeps topic words', () => {
    const a = analyzeQuery('手机被锁了怎么办', index.context);
    const typed = a.concepts.map((c) => c.typed);
    expect(typed).toContain('被锁');
    expect(typed).not.toContain('怎么');
    expect(a.concepts.find((c) => c.typed === '被锁')!.alts.map((x) => x.text)).toEqual(['被锁', '锁机', '锁了']);
  });
  it('keeps synonym phrases that contain question characters (用不了)', () => {
    const a = analyzeQuery('分期用不了', index.context);
    expect(a.concepts.map((c) => c.typed)).toEqual(expect.arrayContaining(['分期', '用不了']));
  });
  it('corrects typos and converts pinyin, and says so', () => {
    const typo = analyzeQuery('正信', index.context);
    expect(typo.effective).toBe('征信');
    expect(typo.rewritten).toBe(true);
    const pinyin = analyzeQuery('zuji yajin', index.context);
    expect(pinyin.effective).toBe('租机押金');
    expect(highlightTerms(pinyin)).toEqual(expect.arrayContaining(['租机', '押金']));
  });
  it('treats English brand words as words, not pinyin', () => {
    const a = analyzeQuery('iPhone分期', index.context);
    expect(a.effective).toBe('iphone分期');
    expect(a.concepts.find((c) => c.typed === 'iphone')!.alts.map((x) => x.text)).toContain('苹果手机');
  });
});

describe('ranking', () => {
  it('puts the article the reader means first', () => {
    expect(top('手机被锁了怎么办')[0]).toBe('locked-installment-phone');
    expect(top('租机到期不还')[0]).toBe('lease-not-returned-consequences');
    expect(top('iphone分期')[0]).toBe('iphone-installment-safety');
    expect(top('０首付')[0]).toBe('zero-down-guide');
    expect(top('分期用不了')[0]).toBe('xiaomi-installment-paused');
    expect(top('zuji')).toContain('phone-leasing-explained');
    expect(top('正信')[0]).toBe('missed-installment-consequences');
  });
  it('answers single characters', () => {
    expect(top('锁')[0]).toBe('locked-installment-phone');
    expect(top('押').slice(0, 2)).toEqual(expect.arrayContaining(['lowest-deposit-lease-cost', 'phone-leasing-explained']));
  });
  it('finds nothing for nonsense instead of weak matches', () => {
    const analysis = analyzeQuery('量子纠缠望远镜', index.context);
    const local = scoreLocal(matcher, analysis);
    expect(local.hits).toEqual([]);
    // Full-text hits that contain little of the query are dropped.
    const merged = mergeResults(local, [{ doc: docOf('zero-down-guide'), score: 4.2, coverage: textCoverage(analysis, '望远镜不在这里，只有零首付') }]);
    expect(merged).toEqual([]);
    expect(shorterQueries(matcher, analysis)).toEqual([]);
  });
  it('merges full-text hits that contain the query, without duplicates', () => {
    const analysis = analyzeQuery('租机押金', index.context);
    const local = scoreLocal(matcher, analysis);
    const merged = mergeResults(local, [
      { doc: docOf('lowest-deposit-lease-cost'), score: 9 },
      { doc: docOf('missed-installment-consequences'), score: 5, coverage: 1 },
      { doc: docOf('zero-down-guide'), score: 8, coverage: FULLTEXT_MIN_COVERAGE / 2 },
    ]);
    const slugs = merged.map((m) => slugOf(m.doc));
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs[0]).toBe('lowest-deposit-lease-cost');
    expect(merged[0]!.source).toBe('both');
    expect(slugs).toContain('missed-installment-consequences');
    expect(slugs).not.toContain('zero-down-guide');
  });
  it('sends Pagefind the words the titles do not know first', () => {
    const analysis = analyzeQuery('租机 12378', index.context);
    expect(fullTextTerms(scoreLocal(matcher, analysis), analysis, 1)).toEqual(['12378']);
  });
  it('suggests shorter queries made of the parts that match', () => {
    const analysis = analyzeQuery('量子租机', index.context);
    expect(shorterQueries(matcher, analysis)).toContain('租机');
  });
});

describe('highlighting', () => {
  it('escapes text and marks terms regardless of case and width', () => {
    expect(markTerms('<b>ＩＰｈｏｎｅ</b> 分期', ['iphone', '分期'])).toBe('&lt;b&gt;<mark>ＩＰｈｏｎｅ</mark>&lt;/b&gt; <mark>分期</mark>');
    expect(markTerms('租机押金', ['租机押金', '租机'])).toBe('<mark>租机押金</mark>');
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });
});
