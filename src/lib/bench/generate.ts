/**
 * Synthetic articles for the benchmark: N MDX files that pass the real schema and content
 * checks and look like the site's articles (1,200–3,000 Han characters of prose in 3–6
 * `##` sections, lists, tables, FAQ in frontmatter, links to other generated articles,
 * the real categories and tags, an occasional calculator). Deterministic: the same
 * corpus, count and seed give byte-identical files.
 */
import GithubSlugger from 'github-slugger';
import { countHanChars } from '../article-text.ts';
import { RULES } from '../article-rules.ts';
import { toSlug } from '../slug.ts';
import { chainSentence, type Chain, type Corpus } from './corpus.ts';
import { createRandom, hashString, type Random } from './random.ts';

export interface GenerateOptions {
  count: number;
  /** Category slugs in site order (from categories.yaml). */
  categories: readonly string[];
  seed?: number;
  /** "Today" for dates, so that output does not depend on the clock. */
  today?: Date;
}

export interface GeneratedArticle {
  slug: string;
  title: string;
  category: string;
  /** File name inside articles/. */
  file: string;
  source: string;
}

export interface GeneratedSite {
  articles: GeneratedArticle[];
  /** content/plan.yaml for the generated site: every article, in reading order. */
  plan: string;
}

interface Outline {
  slug: string;
  title: string;
  category: string;
  headings: string[];
  tags: string[];
}

const DAY = 86_400_000;
const LINK_PHRASES = ['详见', '可以参考', '另见', '相关问题见', '具体做法见', '延伸阅读：'];
const TABLE_HEADS = [
  ['项目', '说明', '金额'],
  ['方式', '适合谁', '注意'],
  ['情况', '常见做法', '费用'],
  ['步骤', '要点', '时间'],
];

const yamlString = (text: string) => JSON.stringify(text);
const trimEnd = (s: string) => s.replace(/[。！？，、；：\s]+$/, '');

/** The category's own chain mixed with the whole site's: topical, but no two articles retell one source. */
interface Voice {
  own: Chain;
  site: Chain;
}
const say = (voice: Voice, random: Random, maxTokens?: number) => chainSentence(random.chance(0.5) ? voice.own : voice.site, random, maxTokens);

function uniqueTitle(chain: Voice, random: Random, used: Set<string>, index: number): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const sentence = trimEnd(say(chain, random, 24));
    const clause = sentence.split(/[，；：]/)[0]!;
    const title = clause.length >= 6 ? clause : sentence;
    const length = [...title].length;
    if (length >= 6 && length <= 30 && !used.has(title)) return title;
  }
  // Rare: the chain keeps repeating itself. A numbered title is still a valid one.
  return `${trimEnd(say(chain, random, 12)).slice(0, 20)}（${index + 1}）`;
}

function description(chain: Voice, random: Random): string {
  let text = '';
  while ([...text].length < RULES.descriptionChars.min + 10) text += say(chain, random, 40);
  const chars = [...text];
  if (chars.length <= RULES.descriptionChars.max) return text;
  const cut = chars.slice(0, RULES.descriptionChars.max - 1).join('');
  return `${trimEnd(cut.slice(0, Math.max(cut.lastIndexOf('，'), RULES.descriptionChars.min)))}。`;
}

/** Candidate tags: the real ones first, then frequent words of each category as the site grows. */
function tagPools(corpus: Corpus, categories: readonly string[], count: number) {
  const seen = new Set<string>();
  const real: string[] = [];
  const weights: number[] = [];
  for (const [tag, n] of corpus.tags) {
    const slug = toSlug(tag);
    if (!slug || seen.has(slug)) continue;
    seen.add(slug);
    real.push(tag);
    weights.push(n);
  }
  // Roughly one new tag per 15 articles, like a help center whose editors tag new topics.
  const perCategory = Math.max(2, Math.round(count / 15 / Math.max(1, categories.length)));
  const extra = new Map<string, string[]>();
  for (const category of categories) {
    const list: string[] = [];
    for (const word of corpus.frequentWords.get(category) ?? corpus.frequentWords.values().next().value ?? []) {
      if (list.length >= perCategory) break;
      const slug = toSlug(word);
      if (!slug || seen.has(slug)) continue;
      seen.add(slug);
      list.push(word);
    }
    extra.set(category, list);
  }
  const total = weights.reduce((a, b) => a + b, 0);
  const weightedReal = (random: Random) => {
    let r = random.next() * total;
    for (let i = 0; i < real.length; i++) if ((r -= weights[i]!) < 0) return real[i]!;
    return real[real.length - 1]!;
  };
  return { weightedReal, extra };
}

function table(random: Random, chain: Voice): string {
  const head = random.pick(TABLE_HEADS);
  const rows = random.int(3, 5);
  const words = [...new Set(say(chain, random, 40).match(/\p{Script=Han}{2,6}/gu) ?? ['示例'])];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (let r = 0; r < rows; r++) {
    const label = words[r % words.length]!;
    const note = trimEnd(say(chain, random, 10)).slice(0, 14);
    lines.push(`| ${label} | ${note} | ${random.int(1, 90) * 100} 元 |`);
  }
  return lines.join('\n');
}

function paragraph(chain: Voice, random: Random, sentences: number): string {
  let text = '';
  for (let i = 0; i < sentences; i++) text += say(chain, random);
  return text;
}

function articleBody(outline: Outline, corpus: Corpus, chain: Voice, random: Random, links: string[]): string {
  const target = random.int(RULES.bodyHanChars.min + 200, RULES.bodyHanChars.max - 300);
  const perSection = target / outline.headings.length;
  const blocks: string[] = [paragraph(chain, random, random.int(2, 3))];
  const pendingLinks = [...links];
  const tableAt = random.chance(0.5) ? random.int(0, outline.headings.length - 1) : -1;
  const listAt = random.int(0, outline.headings.length - 1);
  const componentAt = corpus.componentLines.length && random.chance(corpus.componentShare) ? random.int(0, outline.headings.length - 1) : -1;
  let total = countHanChars(blocks[0]!);

  outline.headings.forEach((heading, section) => {
    const sectionBlocks = [`## ${heading}`];
    let written = 0;
    const add = (block: string) => {
      sectionBlocks.push(block);
      const n = countHanChars(block);
      written += n;
      total += n;
    };
    add(paragraph(chain, random, random.int(2, 4)));
    if (section === listAt) {
      const items = random.int(3, 5);
      add(Array.from({ length: items }, () => `- ${say(chain, random, 30)}`).join('\n'));
    }
    if (section === tableAt) add(table(random, chain));
    if (section > 0 && random.chance(0.25)) add(`### ${trimEnd(say(chain, random, 8)).slice(0, 16)}`);
    while (written < perSection - 60 && total < RULES.bodyHanChars.max - 250) add(paragraph(chain, random, random.int(2, 4)));
    // Spread the links over the sections, one sentence each, as editors write them.
    const linksHere = section === outline.headings.length - 1 ? pendingLinks.length : Math.min(pendingLinks.length, random.int(0, 2));
    for (const link of pendingLinks.splice(0, linksHere)) add(`${random.pick(LINK_PHRASES)}${link}。`);
    if (section === componentAt) sectionBlocks.push(random.pick(corpus.componentLines));
    blocks.push(sectionBlocks.join('\n\n'));
  });
  // Short of the minimum (a chain that ended sentences early): one more paragraph at the end.
  let body = blocks.join('\n\n');
  while (countHanChars(body) < RULES.bodyHanChars.min + 20) body += `\n\n${paragraph(chain, random, 3)}`;
  return `\n${body}\n`;
}

export function generateSite(corpus: Corpus, options: GenerateOptions): GeneratedSite {
  const seed = options.seed ?? 1;
  const today = (options.today ?? new Date('2026-01-01T00:00:00Z')).getTime();
  const random = createRandom(seed);
  const categories = options.categories;
  const weights = categories.map((c) => corpus.articleCounts.get(c) ?? 1);
  const weightTotal = weights.reduce((a, b) => a + b, 0);
  const pickCategory = () => {
    let r = random.next() * weightTotal;
    for (let i = 0; i < categories.length; i++) if ((r -= weights[i]!) < 0) return categories[i]!;
    return categories[categories.length - 1]!;
  };
  const chainOf = (category: string): Voice => {
    const chain = corpus.chains.get(category);
    return { own: chain && chain.starts.length >= 30 ? chain : corpus.global, site: corpus.global };
  };
  const allHeadings = [...corpus.headings.values()].flat();
  const { weightedReal, extra } = tagPools(corpus, categories, options.count);

  // Pass 1: what every article is called and where it links to needs all titles first.
  const usedTitles = new Set<string>();
  const outlines: Outline[] = [];
  for (let i = 0; i < options.count; i++) {
    const category = pickCategory();
    const title = uniqueTitle(chainOf(category), random, usedTitles, i);
    usedTitles.add(title);
    const pool = (corpus.headings.get(category)?.length ?? 0) >= 8 ? corpus.headings.get(category)! : allHeadings;
    const headings = random.sample(pool, random.int(RULES.sections.min, RULES.sections.max));
    const tags = new Set<string>();
    const wanted = random.int(2, 5);
    const own = extra.get(category) ?? [];
    while (tags.size < wanted) tags.add(own.length && random.chance(0.4) ? random.pick(own) : weightedReal(random));
    outlines.push({ slug: `${category}-${String(i + 1).padStart(5, '0')}`, title, category, headings, tags: [...tags] });
  }
  const byCategory = new Map<string, number[]>(categories.map((c) => [c, []]));
  const positionInCategory: number[] = [];
  outlines.forEach((o, i) => positionInCategory.push(byCategory.get(o.category)!.push(i) - 1));

  // Pass 2: bodies, each from its own stream so one article's text does not shift the next's.
  const articles = outlines.map((outline, index) => {
    const r = createRandom(hashString(`${seed}:${outline.slug}`));
    const chain = chainOf(outline.category);
    const siblings = byCategory.get(outline.category)!;
    const position = positionInCategory[index]!;
    const targets = new Set<number>();
    const wantedLinks = Math.min(r.int(RULES.distinctArticleLinks.min, 6), outlines.length - 1);
    while (targets.size < wantedLinks) {
      // Mostly nearby articles of the same category (a topic cluster), sometimes anywhere.
      const other = r.chance(0.75) && siblings.length > 4 ? siblings[Math.min(siblings.length - 1, Math.max(0, position + r.int(-20, 20)))]! : r.int(0, outlines.length - 1);
      if (other !== index) targets.add(other);
    }
    const links = [...targets].map((t, k) => {
      const target = outlines[t]!;
      // Some links point at a section, which the content checks verify against the target's headings.
      const anchor = k === 0 && r.chance(0.4) ? `#${new GithubSlugger().slug(target.headings[0]!)}` : '';
      return `[${target.title}](/articles/${target.slug}/${anchor})`;
    });
    const body = articleBody(outline, corpus, chain, r, links);
    const published = today - r.int(30, 1000) * DAY;
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    const faq = Array.from({ length: r.int(RULES.faqItems.min, RULES.faqItems.max) }, () => ({
      question: `${trimEnd(chainSentence(corpus.questions, r, 30))}？`,
      answer: paragraph(chain, r, r.int(2, 3)),
    }));
    const lines = [
      '---',
      `title: ${yamlString(outline.title)}`,
      `slug: ${outline.slug}`,
      `description: ${yamlString(description(chain, r))}`,
      `category: ${outline.category}`,
      `publishedAt: ${day(published)}`,
      ...(r.chance(0.3) ? [`updatedAt: ${day(published + r.int(1, 25) * DAY)}`] : []),
      ...(r.chance(0.3) ? [`reviewedAt: ${day(published + r.int(1, 25) * DAY)}`] : []),
      `tags: [${outline.tags.map(yamlString).join(', ')}]`,
      'faq:',
      ...faq.flatMap((f) => [`  - question: ${yamlString(f.question)}`, `    answer: ${yamlString(f.answer)}`]),
      '---',
    ];
    return { slug: outline.slug, title: outline.title, category: outline.category, file: `${outline.slug}.mdx`, source: `${lines.join('\n')}\n${body}` };
  });

  const plan = [
    '# 基准测试生成的文章清单（阅读顺序）。',
    'articles:',
    ...articles.flatMap((a) => [`  - title: ${yamlString(a.title)}`, `    slug: ${a.slug}`, `    category: ${a.category}`]),
    '',
  ].join('\n');
  return { articles, plan };
}
