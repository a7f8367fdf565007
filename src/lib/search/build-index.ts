/**
 * Builds the instant suggestion index at build time. Pinyin comes from pinyin-pro here,
 * so the browser only downloads the readings of the characters our phrases use.
 */
import { pinyin } from 'pinyin-pro';
import { isHan } from './normalize.ts';
import type { Synonyms } from './data-files.ts';
import type { SuggestIndex } from './types.ts';

export interface IndexArticle {
  slug: string;
  title: string;
  category: string;
  description: string;
  tags: string[];
  faqQuestions: string[];
  headings: string[];
}

/** Toneless readings of one Han character; polyphones keep every reading ("还" → hai/huan). */
export function readings(ch: string): string {
  const all = new Set(pinyin(ch, { toneType: 'none', type: 'array', multiple: true, v: true }).map((r) => r.toLowerCase()));
  all.delete('');
  return [...all].join('/');
}

/** The answer part of a description: up to the first full stop. */
export function firstSentence(text: string): string {
  const match = /^.+?[。！？!?]/su.exec(text);
  return (match ? match[0] : text).trim();
}

export function buildSuggestIndex(input: {
  articles: IndexArticle[];
  categories: { slug: string; name: string }[];
  synonyms: Synonyms;
  aliases: Map<string, string[]>;
  featured: string[];
}): SuggestIndex {
  const categoryIndex = new Map(input.categories.map((c, i) => [c.slug, i]));
  const docs = input.articles.map((a) => ({
    s: a.slug,
    t: a.title,
    c: categoryIndex.get(a.category)!,
    d: firstSentence(a.description),
    k: [...new Set([...a.tags, ...(input.aliases.get(a.slug) ?? [])])],
    q: a.faqQuestions,
    h: a.headings,
  }));
  const chars = new Set<string>();
  const addChars = (text: string) => {
    for (const ch of text) if (isHan(ch)) chars.add(ch);
  };
  for (const a of input.articles) {
    addChars(a.title);
    a.tags.forEach(addChars);
    (input.aliases.get(a.slug) ?? []).forEach(addChars);
  }
  input.categories.forEach((c) => addChars(c.name));
  input.synonyms.groups.flat().forEach(addChars);
  return {
    v: 1,
    categories: input.categories.map((c) => ({ slug: c.slug, name: c.name })),
    docs,
    synonyms: input.synonyms.groups,
    corrections: input.synonyms.corrections,
    featured: input.featured,
    pinyin: Object.fromEntries([...chars].sort().map((ch) => [ch, readings(ch)])),
  };
}
