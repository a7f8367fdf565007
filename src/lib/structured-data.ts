/**
 * schema.org JSON-LD for pages, and the one safe way to put it into HTML.
 */

export type JsonLd = Record<string, unknown>;

/**
 * JSON for a <script type="application/ld+json"> element. `<`, `>` and `&` are escaped
 * as \u003c etc., so text from an article (even `</script>`) cannot end the element;
 * U+2028/2029 are escaped for old parsers. The result is still the same JSON value.
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface Crumb {
  name: string;
  /** Absolute URL. */
  url: string;
}

export function breadcrumbList(crumbs: readonly Crumb[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}

export interface ArticleData {
  title: string;
  description: string;
  url: string;
  publishedAt: Date;
  updatedAt?: Date;
  section: string;
  keywords: readonly string[];
  organization: { name: string; url: string };
}

export function article(data: ArticleData): JsonLd {
  const publisher = { '@type': 'Organization', name: data.organization.name, url: data.organization.url };
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: data.title,
    description: data.description,
    mainEntityOfPage: { '@type': 'WebPage', '@id': data.url },
    url: data.url,
    datePublished: data.publishedAt.toISOString(),
    dateModified: (data.updatedAt ?? data.publishedAt).toISOString(),
    articleSection: data.section,
    keywords: data.keywords.join(','),
    inLanguage: 'zh-CN',
    author: publisher,
    publisher,
  };
}

export function faqPage(items: readonly { question: string; answer: string }[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: items.map((item) => ({
      '@type': 'Question',
      name: item.question,
      acceptedAnswer: { '@type': 'Answer', text: item.answer },
    })),
  };
}
