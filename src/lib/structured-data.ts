/**
 * schema.org JSON-LD for pages, the one safe way to put it into HTML, and the rules a
 * block must meet (the properties Google's and Baidu's structured-data guides require),
 * so the build test can check every block on every page against them.
 */

export type JsonLd = Record<string, unknown>;

const CONTEXT = 'https://schema.org';

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

export interface OrganizationData {
  name: string;
  /** Absolute URL of the site. */
  url: string;
  /** Absolute URL of a square, opaque PNG logo. */
  logo?: { url: string; width: number; height: number };
}

export interface ImageData {
  /** Absolute URL. */
  url: string;
  width: number;
  height: number;
}

const imageObject = (image: ImageData) => ({ '@type': 'ImageObject', url: image.url, width: image.width, height: image.height });

export function organization(org: OrganizationData): JsonLd {
  return {
    '@type': 'Organization',
    name: org.name,
    url: org.url,
    ...(org.logo ? { logo: imageObject(org.logo) } : {}),
  };
}

export interface Crumb {
  name: string;
  /** Absolute URL. */
  url: string;
}

export function breadcrumbList(crumbs: readonly Crumb[]): JsonLd {
  return {
    '@context': CONTEXT,
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
  /** The social image of the article (1200×630). */
  image?: ImageData;
  organization: OrganizationData;
}

export function article(data: ArticleData): JsonLd {
  // The site is written by its editorial team, so the author is the same Organization.
  const publisher = organization(data.organization);
  return {
    '@context': CONTEXT,
    '@type': 'Article',
    headline: data.title,
    description: data.description,
    mainEntityOfPage: { '@type': 'WebPage', '@id': data.url },
    url: data.url,
    ...(data.image ? { image: [imageObject(data.image)] } : {}),
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
    '@context': CONTEXT,
    '@type': 'FAQPage',
    mainEntity: items.map((item) => ({
      '@type': 'Question',
      name: item.question,
      acceptedAnswer: { '@type': 'Answer', text: item.answer },
    })),
  };
}

export interface WebSiteData {
  name: string;
  description: string;
  /** Absolute URL of the home page. */
  url: string;
  /** Absolute search URL with `{search_term_string}` where the query goes. */
  searchUrlTemplate: string;
  organization: OrganizationData;
}

export function webSite(data: WebSiteData): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    name: data.name,
    description: data.description,
    url: data.url,
    inLanguage: 'zh-CN',
    publisher: organization(data.organization),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: data.searchUrlTemplate },
      'query-input': 'required name=search_term_string',
    },
  };
}

export interface CollectionPageData {
  name: string;
  description: string;
  /** Absolute URL of the page. */
  url: string;
  image?: ImageData;
  /** The pages the collection lists, in the order shown. */
  items: readonly { name: string; url: string }[];
}

/** A category page: the page, and the ordered list of articles it links to. */
export function collectionPage(data: CollectionPageData): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'CollectionPage',
    name: data.name,
    description: data.description,
    url: data.url,
    inLanguage: 'zh-CN',
    ...(data.image ? { image: imageObject(data.image) } : {}),
    mainEntity: {
      '@type': 'ItemList',
      numberOfItems: data.items.length,
      itemListElement: data.items.map((item, index) => ({ '@type': 'ListItem', position: index + 1, name: item.name, url: item.url })),
    },
  };
}

// ---------------------------------------------------------------------------------------
// Rules: the properties each type must have. Types without rules are reported, so a new
// type on a page has to be added here (and so checked) on purpose.

type Check = (node: Record<string, unknown>, at: string) => string[];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (node: Record<string, unknown>, key: string, at: string): string[] =>
  typeof node[key] === 'string' && (node[key] as string).trim() ? [] : [`${at}.${key}：必填，应为非空文本`];
const absoluteUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\/[^/\s]+\/\S*$/.test(value);
const url = (node: Record<string, unknown>, key: string, at: string): string[] => (absoluteUrl(node[key]) ? [] : [`${at}.${key}：必填，应为绝对网址（https://…）`]);
const isoDate = (node: Record<string, unknown>, key: string, at: string): string[] =>
  typeof node[key] === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(node[key] as string) && !Number.isNaN(Date.parse(node[key] as string))
    ? []
    : [`${at}.${key}：必填，应为 ISO 8601 日期`];
const typed = (value: unknown, types: readonly string[], at: string): string[] =>
  isObject(value) && types.includes(String(value['@type'])) ? [] : [`${at}：应为 ${types.join(' 或 ')} 对象`];

function image(value: unknown, at: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) return [`${at}：必填，至少一张图片`];
  return list.flatMap((item, i) => {
    const where = Array.isArray(value) ? `${at}[${i}]` : at;
    if (absoluteUrl(item)) return [];
    if (!isObject(item) || item['@type'] !== 'ImageObject') return [`${where}：应为图片的绝对网址或 ImageObject`];
    return [
      ...url(item, 'url', where),
      ...(['width', 'height'] as const).flatMap((k) => (item[k] === undefined || (Number.isInteger(item[k]) && (item[k] as number) > 0) ? [] : [`${where}.${k}：应为正整数`])),
    ];
  });
}

function org(value: unknown, at: string, needsLogo: boolean): string[] {
  const problems = typed(value, ['Organization', 'Person'], at);
  if (problems.length) return problems;
  const node = value as Record<string, unknown>;
  return [...text(node, 'name', at), ...(node.url === undefined ? [] : url(node, 'url', at)), ...(needsLogo || node.logo !== undefined ? image(node.logo, `${at}.logo`) : [])];
}

function listItems(value: unknown, at: string, needs: (item: Record<string, unknown>, where: string, last: boolean) => string[]): string[] {
  if (!Array.isArray(value) || value.length === 0) return [`${at}：必填，至少一项`];
  return value.flatMap((item, i) => {
    const where = `${at}[${i}]`;
    const problems = typed(item, ['ListItem'], where);
    if (problems.length) return problems;
    const node = item as Record<string, unknown>;
    return [...(node.position === i + 1 ? [] : [`${where}.position：应为 ${i + 1}（从 1 起连续编号）`]), ...needs(node, where, i === value.length - 1)];
  });
}

const RULES: Record<string, Check> = {
  Article: (node, at) => [
    ...text(node, 'headline', at),
    ...(typeof node.headline === 'string' && [...node.headline].length > 110 ? [`${at}.headline：不超过 110 个字符`] : []),
    ...text(node, 'description', at),
    ...image(node.image, `${at}.image`),
    ...isoDate(node, 'datePublished', at),
    ...isoDate(node, 'dateModified', at),
    ...(typeof node.dateModified === 'string' && typeof node.datePublished === 'string' && Date.parse(node.dateModified) < Date.parse(node.datePublished)
      ? [`${at}.dateModified：不能早于 datePublished`]
      : []),
    ...org(node.author, `${at}.author`, false),
    ...org(node.publisher, `${at}.publisher`, true),
    ...(isObject(node.mainEntityOfPage) && absoluteUrl(node.mainEntityOfPage['@id']) ? [] : [`${at}.mainEntityOfPage：应为带 @id 绝对网址的 WebPage`]),
  ],
  BreadcrumbList: (node, at) =>
    listItems(node.itemListElement, `${at}.itemListElement`, (item, where, last) => [
      ...text(item, 'name', where),
      // Google allows the last crumb (the page itself) without `item`.
      ...(last && item.item === undefined ? [] : url(item, 'item', where)),
    ]),
  FAQPage: (node, at) => {
    if (!Array.isArray(node.mainEntity) || node.mainEntity.length === 0) return [`${at}.mainEntity：必填，至少一个 Question`];
    return node.mainEntity.flatMap((q, i) => {
      const where = `${at}.mainEntity[${i}]`;
      const problems = typed(q, ['Question'], where);
      if (problems.length) return problems;
      const question = q as Record<string, unknown>;
      const answer = typed(question.acceptedAnswer, ['Answer'], `${where}.acceptedAnswer`);
      return [...text(question, 'name', where), ...(answer.length ? answer : text(question.acceptedAnswer as Record<string, unknown>, 'text', `${where}.acceptedAnswer`))];
    });
  },
  WebSite: (node, at) => {
    const problems = [...text(node, 'name', at), ...url(node, 'url', at)];
    if (node.potentialAction === undefined) return problems;
    const action = node.potentialAction as Record<string, unknown>;
    const where = `${at}.potentialAction`;
    const actionProblems = typed(action, ['SearchAction'], where);
    if (actionProblems.length) return [...problems, ...actionProblems];
    const target = isObject(action.target) ? action.target.urlTemplate : action.target;
    return [
      ...problems,
      ...(absoluteUrl(String(target).replace('{search_term_string}', 'q')) && String(target).includes('{search_term_string}')
        ? []
        : [`${where}.target：应为含 {search_term_string} 的绝对网址模板`]),
      ...(action['query-input'] === 'required name=search_term_string' ? [] : [`${where}.query-input：应为 "required name=search_term_string"`]),
    ];
  },
  CollectionPage: (node, at) => [
    ...text(node, 'name', at),
    ...url(node, 'url', at),
    ...(node.image === undefined ? [] : image(node.image, `${at}.image`)),
    ...(typed(node.mainEntity, ['ItemList'], `${at}.mainEntity`).length
      ? typed(node.mainEntity, ['ItemList'], `${at}.mainEntity`)
      : RULES.ItemList!(node.mainEntity as Record<string, unknown>, `${at}.mainEntity`)),
  ],
  ItemList: (node, at) => [
    ...listItems(node.itemListElement, `${at}.itemListElement`, (item, where) => (absoluteUrl(item.url) || absoluteUrl(item.item) ? [] : [`${where}：需要 url（绝对网址）`])),
    ...(node.numberOfItems === undefined || node.numberOfItems === (node.itemListElement as unknown[] | undefined)?.length ? [] : [`${at}.numberOfItems：与 itemListElement 的项数不符`]),
  ],
  Organization: (node, at) => org(node, at, false),
};

/** The JSON-LD types this module knows the rules for. */
export const CHECKED_TYPES = Object.keys(RULES);

/**
 * What is wrong with one top-level JSON-LD block (empty when it is complete): a wrong
 * @context, an unknown @type, or a missing or malformed required property.
 */
export function jsonLdProblems(block: unknown): string[] {
  if (!isObject(block)) return ['JSON-LD 顶层应为对象'];
  const type = String(block['@type']);
  const problems = block['@context'] === CONTEXT ? [] : [`@context 应为 "${CONTEXT}"`];
  const rule = RULES[type];
  if (!rule) return [...problems, `没有 ${type} 类型的检查规则：请在 src/lib/structured-data.ts 的 RULES 里加上它的必填属性`];
  return [...problems, ...rule(block, type)];
}
