/**
 * What the benchmark's generator learns from the real articles: a word-level Markov
 * chain of their sentences per category, their `##` headings, FAQ questions, tags and the
 * component lines editors use. Generated articles then read like the site (its
 * vocabulary, sentence lengths and word frequencies), which is what makes Pagefind's
 * Chinese index and the related-articles ranking behave as they would on a real site.
 */
import { h2Headings } from '../article-text.ts';
import type { Random } from './random.ts';

export interface CorpusArticle {
  category: string;
  tags: readonly string[];
  body: string;
  faqQuestions: readonly string[];
}

/** Order-2 Markov chain over Intl.Segmenter words, interned as numbers for speed. */
export interface Chain {
  words: string[];
  /** First two words of every training sentence. */
  starts: [number, number][];
  /** (a, b) → every word that followed a, b (repeats keep the frequencies). */
  next: Map<number, number[]>;
  /** Words that end a sentence: 。！？ */
  ends: Set<number>;
}

export interface Corpus {
  categories: string[];
  /** Real articles per category: the generator spreads articles the same way. */
  articleCounts: Map<string, number>;
  chains: Map<string, Chain>;
  global: Chain;
  questions: Chain;
  headings: Map<string, string[]>;
  /** Real tags with how many articles use them. */
  tags: [string, number][];
  /** Frequent words per category, candidate tags for large sites. */
  frequentWords: Map<string, string[]>;
  /** Self-closing component lines as editors write them, e.g. <InstallmentCalculator … />. */
  componentLines: string[];
  /** Share of real articles that use a component. */
  componentShare: number;
}

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const SENTENCE = /[^。！？]+[。！？]/g;
const HAN = /\p{Script=Han}/gu;

/** A body line as plain prose: no Markdown syntax, link targets or MDX-special characters. */
export function plainLine(line: string): string | undefined {
  const trimmed = line.trim();
  if (!trimmed || /^(#|\||<|import\b|export\b|```|---|:::)/.test(trimmed)) return undefined;
  return trimmed
    .replace(/^>\s*/, '')
    .replace(/^(?:[-*+]|\d+\.)\s+/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[<>{}[\]|*_#`\\]/g, '')
    .trim();
}

export function sentencesOf(body: string): string[] {
  const out: string[] = [];
  for (const line of body.split('\n')) {
    const text = plainLine(line);
    if (!text) continue;
    for (const s of text.match(SENTENCE) ?? []) {
      const sentence = s.trim();
      if ((sentence.match(HAN)?.length ?? 0) >= 6) out.push(sentence);
    }
  }
  return out;
}

/** A sentence as Intl.Segmenter words (punctuation and spaces included, so joining restores it). */
export const tokenize = (sentence: string) => [...segmenter.segment(sentence)].map((s) => s.segment);

const pairKey = (a: number, b: number) => a * 4_194_304 + b;

export function trainChain(sentences: readonly (readonly string[])[]): Chain {
  const chain: Chain = { words: [], starts: [], next: new Map(), ends: new Set() };
  const ids = new Map<string, number>();
  const id = (word: string) => {
    let n = ids.get(word);
    if (n === undefined) {
      ids.set(word, (n = chain.words.push(word) - 1));
      if (/^[。！？]$/.test(word)) chain.ends.add(n);
    }
    return n;
  };
  for (const sentence of sentences) {
    const words = sentence.map(id);
    if (words.length < 3) continue;
    chain.starts.push([words[0]!, words[1]!]);
    for (let i = 2; i < words.length; i++) {
      const key = pairKey(words[i - 2]!, words[i - 1]!);
      let list = chain.next.get(key);
      if (!list) chain.next.set(key, (list = []));
      list.push(words[i]!);
    }
  }
  return chain;
}

/** One sentence from the chain, ending in 。！or ？, at most `maxTokens` words long. */
export function chainSentence(chain: Chain, random: Random, maxTokens = 60): string {
  const [a, b] = random.pick(chain.starts);
  const out = [a, b];
  while (out.length < maxTokens) {
    const options = chain.next.get(pairKey(out[out.length - 2]!, out[out.length - 1]!));
    if (!options) break;
    const word = random.pick(options);
    out.push(word);
    if (chain.ends.has(word)) return out.map((w) => chain.words[w]).join('');
  }
  // Cut trailing commas so a truncated sentence still reads as one.
  const text = out
    .map((w) => chain.words[w])
    .join('')
    .replace(/[，、；：,;:\s]+$/, '');
  return /[。！？]$/.test(text) ? text : `${text}。`;
}

export function buildCorpus(articles: readonly CorpusArticle[]): Corpus {
  const categories = [...new Set(articles.map((a) => a.category))].sort();
  const articleCounts = new Map(categories.map((c) => [c, articles.filter((a) => a.category === c).length]));
  const sentencesByCategory = new Map<string, string[][]>(categories.map((c) => [c, []]));
  const headings = new Map<string, string[]>(categories.map((c) => [c, []]));
  const wordCounts = new Map<string, Map<string, number>>(categories.map((c) => [c, new Map()]));
  const tagCounts = new Map<string, number>();
  const questions: string[] = [];
  const componentLines: string[] = [];
  let withComponents = 0;

  for (const article of articles) {
    const sentences = sentencesOf(article.body).map(tokenize);
    sentencesByCategory.get(article.category)!.push(...sentences);
    for (const h of h2Headings(article.body)) {
      const text = plainLine(h);
      if (text && text.length >= 2) headings.get(article.category)!.push(text);
    }
    const counts = wordCounts.get(article.category)!;
    for (const sentence of sentences) {
      for (const word of sentence) if (/^\p{Script=Han}{2,4}$/u.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    for (const tag of article.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
    questions.push(...article.faqQuestions.map((q) => q.replace(/[<>{}[\]|*_#`\\]/g, '')));
    const lines = article.body.split('\n').filter((l) => /^<[A-Z][A-Za-z]*\b[^\n]*\/>\s*$/.test(l.trim()));
    if (lines.length) withComponents++;
    componentLines.push(...lines.map((l) => l.trim()));
  }

  const frequentWords = new Map(
    categories.map((c) => [
      c,
      [...wordCounts.get(c)!]
        .filter(([, n]) => n >= 2)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([w]) => w),
    ]),
  );
  return {
    categories,
    articleCounts,
    chains: new Map(categories.map((c) => [c, trainChain(sentencesByCategory.get(c)!)])),
    global: trainChain([...sentencesByCategory.values()].flat()),
    questions: trainChain(questions.map(tokenize)),
    headings: new Map([...headings].map(([c, list]) => [c, [...new Set(list)]])),
    tags: [...tagCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    frequentWords,
    componentLines: [...new Set(componentLines)],
    componentShare: articles.length ? withComponents / articles.length : 0,
  };
}
