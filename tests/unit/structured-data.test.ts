import { describe, expect, it } from 'vitest';
import { article, breadcrumbList, collectionPage, faqPage, jsonLdProblems, serializeJsonLd, webSite } from '../../src/lib/structured-data.ts';

const org = { name: '分期租机知识库编辑部', url: 'https://x.test/', logo: { url: 'https://x.test/og/logo.png', width: 512, height: 512 } };
const leaseArticle = () =>
  article({
    title: '租机流程全解析',
    description: '描述',
    url: 'https://x.test/articles/a/',
    publishedAt: new Date('2026-11-27'),
    section: '租机指南',
    keywords: ['租机', '押金'],
    image: { url: 'https://x.test/og/articles/a.png', width: 1200, height: 630 },
    organization: org,
  });

describe('serializeJsonLd', () => {
  it('cannot be broken out of by article text, and still parses to the same value', () => {
    const data = { headline: '</script><script>alert(1)</script> & “引号” \u2028' };
    const text = serializeJsonLd(data);
    expect(text).not.toMatch(/<|>/);
    expect(JSON.parse(text)).toEqual(data);
  });
});

describe('schema.org builders', () => {
  it('Article has the required properties, with the image and an Organization as author and publisher', () => {
    const ld = leaseArticle();
    expect(ld).toMatchObject({
      '@type': 'Article',
      headline: '租机流程全解析',
      datePublished: '2026-11-27T00:00:00.000Z',
      dateModified: '2026-11-27T00:00:00.000Z',
      keywords: '租机,押金',
      image: [{ '@type': 'ImageObject', url: 'https://x.test/og/articles/a.png', width: 1200, height: 630 }],
      author: { '@type': 'Organization', name: '分期租机知识库编辑部' },
      publisher: { '@type': 'Organization', name: '分期租机知识库编辑部', logo: { '@type': 'ImageObject', url: 'https://x.test/og/logo.png' } },
    });
    expect(jsonLdProblems(ld)).toEqual([]);
  });
  it('BreadcrumbList numbers its items from 1', () => {
    const ld = breadcrumbList([
      { name: '首页', url: 'https://x.test/' },
      { name: '租机指南', url: 'https://x.test/categories/leasing/' },
    ]) as { itemListElement: { position: number; item: string }[] };
    expect(ld.itemListElement.map((i) => i.position)).toEqual([1, 2]);
    expect(jsonLdProblems(ld)).toEqual([]);
  });
  it('FAQPage holds questions and answers', () => {
    const ld = faqPage([{ question: '押金能退吗？', answer: '按合同约定退还。' }]);
    expect(ld).toEqual({
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      mainEntity: [{ '@type': 'Question', name: '押金能退吗？', acceptedAnswer: { '@type': 'Answer', text: '按合同约定退还。' } }],
    });
    expect(jsonLdProblems(ld)).toEqual([]);
  });
  it('WebSite carries a SearchAction on the search page', () => {
    const ld = webSite({ name: '站', description: '说明', url: 'https://x.test/', searchUrlTemplate: 'https://x.test/search/?q={search_term_string}', organization: org });
    expect(ld.potentialAction).toEqual({
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: 'https://x.test/search/?q={search_term_string}' },
      'query-input': 'required name=search_term_string',
    });
    expect(jsonLdProblems(ld)).toEqual([]);
  });
  it('CollectionPage holds an ItemList of its articles in order', () => {
    const ld = collectionPage({
      name: '租机指南',
      description: '说明',
      url: 'https://x.test/categories/leasing/',
      items: [
        { name: '租机流程全解析', url: 'https://x.test/articles/a/' },
        { name: '租机提前归还的租金问题解析', url: 'https://x.test/articles/b/' },
      ],
    });
    expect(ld.mainEntity).toMatchObject({ '@type': 'ItemList', numberOfItems: 2, itemListElement: [{ position: 1, url: 'https://x.test/articles/a/' }, { position: 2 }] });
    expect(jsonLdProblems(ld)).toEqual([]);
  });
});

describe('jsonLdProblems', () => {
  it('names each missing or malformed required property of an Article', () => {
    const { image, publisher, ...rest } = leaseArticle();
    void image;
    const broken = { ...rest, publisher: { '@type': 'Organization', name: '编辑部' }, datePublished: '2026年11月27日', headline: '' };
    void publisher;
    expect(jsonLdProblems(broken)).toEqual([
      'Article.headline：必填，应为非空文本',
      'Article.image：应为图片的绝对网址或 ImageObject',
      'Article.datePublished：必填，应为 ISO 8601 日期',
      'Article.publisher.logo：应为图片的绝对网址或 ImageObject',
    ]);
  });
  it('rejects a relative URL, a gap in positions and a wrong context', () => {
    const crumbs = breadcrumbList([
      { name: '首页', url: '/' },
      { name: '租机指南', url: 'https://x.test/categories/leasing/' },
    ]) as { '@context': string; itemListElement: { position: number }[] };
    crumbs['@context'] = 'http://schema.org';
    crumbs.itemListElement[1]!.position = 3;
    expect(jsonLdProblems(crumbs)).toEqual([
      '@context 应为 "https://schema.org"',
      'BreadcrumbList.itemListElement[0].item：必填，应为绝对网址（https://…）',
      'BreadcrumbList.itemListElement[1].position：应为 2（从 1 起连续编号）',
    ]);
  });
  it('rejects a SearchAction without the placeholder, an empty FAQ, and types it has no rules for', () => {
    const site = webSite({ name: '站', description: '说明', url: 'https://x.test/', searchUrlTemplate: 'https://x.test/search/?q=', organization: org });
    expect(jsonLdProblems(site)).toEqual(['WebSite.potentialAction.target：应为含 {search_term_string} 的绝对网址模板']);
    expect(jsonLdProblems(faqPage([]))).toEqual(['FAQPage.mainEntity：必填，至少一个 Question']);
    expect(jsonLdProblems({ '@context': 'https://schema.org', '@type': 'HowTo' })[0]).toContain('没有 HowTo 类型的检查规则');
  });
  it('rejects an ItemList whose count disagrees with its items', () => {
    const page = collectionPage({ name: '租机指南', description: '说明', url: 'https://x.test/categories/leasing/', items: [{ name: 'a', url: 'https://x.test/articles/a/' }] });
    (page.mainEntity as { numberOfItems: number }).numberOfItems = 2;
    expect(jsonLdProblems(page)).toEqual(['CollectionPage.mainEntity.numberOfItems：与 itemListElement 的项数不符']);
  });
});
