/**
 * `npm run new`: the slug suggested for a title and the starting file for a new article.
 * Pure functions; scripts/new-article.ts does the asking and the writing.
 */
import { pinyin } from 'pinyin-pro';
import { PLACEHOLDER_MARK } from './schema.ts';
import { SLUG_PATTERN } from './slug.ts';

/** Words that carry no meaning in a URL: particles and question words. */
const STOP_WORDS = new Set([
  '的', '了', '吗', '呢', '吧', '啊', '呀', '之', '与', '和', '及', '或', '是', '有', '在', '把', '被', '对', '从', '能', '会', '要', '该',
  '怎么', '怎样', '如何', '什么', '哪些', '哪个', '哪里', '为什么', '为何', '能否', '能不能', '是否', '可以', '可否', '吗',
]);
const MAX_WORDS = 6;
const MAX_LENGTH = 60;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * A short pinyin slug for a Chinese title: one pinyin word per Chinese word, particles and
 * question words left out, at most six words.
 * 分期购买手机的条件有哪些 → fenqi-goumai-shouji-tiaojian; iPhone 15 分期怎么算利息 → iphone-15-fenqi-suan-lixi.
 * Editors can always choose their own with --slug.
 */
export function slugFromTitle(title: string): string {
  // Pinyin of the whole title at once, so that polyphones can follow their context.
  const spelled = pinyin(title, { toneType: 'none', type: 'all', v: true }).map((c) => (c.isZh ? c.pinyin : c.origin));
  const words: string[] = [];
  let offset = 0;
  for (const { segment, isWordLike } of segmenter.segment(title)) {
    const start = offset;
    offset += [...segment].length;
    if (!isWordLike || STOP_WORDS.has(segment)) continue;
    const word = spelled.slice(start, offset).join('').toLowerCase().replace(/[^a-z0-9]+/g, '');
    if (word) words.push(word);
  }
  let slug = '';
  for (const word of words.slice(0, MAX_WORDS)) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_LENGTH) break;
    slug = next;
  }
  return slug;
}

export interface NewArticle {
  title: string;
  slug: string;
  category: string;
}

export interface Existing {
  titles: ReadonlySet<string>;
  slugs: ReadonlySet<string>;
}

/** Why this new article cannot be created (empty when it can). */
export function newArticleProblems(article: NewArticle, existing: Existing, categories: readonly string[]): string[] {
  const problems: string[] = [];
  const title = article.title.trim();
  if ([...title].length < 2 || [...title].length > 64) problems.push('标题要 2–64 个字。');
  if (existing.titles.has(title)) problems.push(`已经有一篇标题为“${title}”的文章了。请换一个更具体的标题，或去修改那篇文章。`);
  if (!SLUG_PATTERN.test(article.slug)) problems.push(`slug “${article.slug}” 只能用小写英文字母、数字和单个连字符，例如 lease-deposit-refund。`);
  else if (existing.slugs.has(article.slug)) problems.push(`slug “${article.slug}” 已被另一篇文章使用。请用 --slug 换一个，例如 ${article.slug}-2 或更具体的词。`);
  if (!categories.includes(article.category)) problems.push(`分类“${article.category}”不存在，可选：${categories.join('、')}。`);
  return problems;
}

/** YYYY-MM-DD of a date in the machine's local time zone (the editor's "today"). */
export const localDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** The new file: complete frontmatter, a draft, and placeholders the linter rejects until replaced. */
export function articleTemplate(article: NewArticle, today: string): string {
  const todo = (text: string) => `${PLACEHOLDER_MARK}：${text}`;
  const q = (text: string) => JSON.stringify(todo(text));
  return `---
title: ${JSON.stringify(article.title.trim())}
slug: ${article.slug}
description: ${q('用一两句话直接回答标题的问题，50–120 字，会显示在搜索结果里。')}
category: ${article.category}
publishedAt: ${today}
# updatedAt: ${today}    # 以后改动了事实时填写（去掉开头的 #）
# reviewedAt: ${today}   # 核实过事实时填写，读者会看到“最后核实”
tags: []
faq:
  - question: ${q('读者最常问的第一个问题？')}
    answer: ${q('两到四句话的回答。')}
  - question: ${q('第二个问题？')}
    answer: ${q('两到四句话的回答。')}
  - question: ${q('第三个问题？')}
    answer: ${q('两到四句话的回答。')}
draft: true # 草稿只在 npm run dev 里显示；写完、npm run lint:content 通过后改成 false 才会发布
---

${todo('开头两三句话，直接回答标题的问题。')}

## ${todo('第一个小标题')}

${todo('正文。写作要求见 docs/content-guide.md，组件用法见 docs/editing.md。')}

<Callout type="提示">
${todo('需要提醒读者的一句话；用不上就删掉这个提示框。')}
</Callout>

## ${todo('第二个小标题')}

${todo('正文。')}

## ${todo('第三个小标题')}

${todo('正文。')}
`;
}
