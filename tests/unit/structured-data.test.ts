import { describe, expect, it } from 'vitest';
import { article, breadcrumbList, faqPage, serializeJsonLd } from '../../src/lib/structured-data.ts';

describe('serializeJsonLd', () => {
  it('cannot be broken out of by article text, and still parses to the same value', () => {
    const data = { headline: '</script><script>alert(1)</script> & “引号” \u2028' };
    const text = serializeJsonLd(data);
    expect(text).not.toMatch(/<|>/);
    expect(JSON.parse(text)).toEqual(data);
  });
});

describe('schema.org builders', () => {
  it('Article has the required properties', () => {
    const ld = article({
      title: '租机流程全解析',
      description: '描述',
      url: 'https://x.test/articles/a/',
      publishedAt: new Date('2026-11-27'),
      section: '租机指南',
      keywords: ['租机', '押金'],
      organization: { name: '编辑部', url: 'https://x.test/' },
    });
    expect(ld).toMatchObject({
      '@type': 'Article',
      headline: '租机流程全解析',
      datePublished: '2026-11-27T00:00:00.000Z',
      dateModified: '2026-11-27T00:00:00.000Z',
      keywords: '租机,押金',
      publisher: { '@type': 'Organization', name: '编辑部' },
    });
  });
  it('BreadcrumbList numbers its items from 1', () => {
    const ld = breadcrumbList([
      { name: '首页', url: 'https://x.test/' },
      { name: '租机指南', url: 'https://x.test/categories/leasing/' },
    ]) as { itemListElement: { position: number; item: string }[] };
    expect(ld.itemListElement.map((i) => i.position)).toEqual([1, 2]);
  });
  it('FAQPage holds questions and answers', () => {
    expect(faqPage([{ question: '押金能退吗？', answer: '按合同约定退还。' }])).toEqual({
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      mainEntity: [{ '@type': 'Question', name: '押金能退吗？', acceptedAnswer: { '@type': 'Answer', text: '按合同约定退还。' } }],
    });
  });
});
