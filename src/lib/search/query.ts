/**
 * From what a reader typed to what we look for: normalise, fix known typos, turn pinyin
 * into Chinese, drop question words (怎么办, 吗, 了 …), find synonym phrases and expand
 * them, and cut the rest into character bigrams, which match Chinese text without
 * needing the index and the query to agree on word boundaries.
 */
import { bigrams, isHan, looksLikePinyin, normalizeText, splitRuns } from './normalize.ts';
import { segmentPinyin, type PinyinPhrase } from './pinyin.ts';

export type ConceptSource = 'synonym' | 'bigram' | 'char' | 'latin' | 'digit' | 'pinyin';

export interface Alternative {
  text: string;
  /** 1 for what the reader typed, less for synonyms and guesses. */
  weight: number;
}

export interface Concept {
  source: ConceptSource;
  /** What the reader typed for this concept (after normalisation). */
  typed: string;
  alts: Alternative[];
  /** Importance before inverse document frequency. */
  weight: number;
}

export interface QueryAnalysis {
  raw: string;
  /** Normalised, typos corrected, pinyin converted: the query we actually ran. */
  effective: string;
  /** True when typo corrections or pinyin changed the query (show "按…搜索"). */
  rewritten: boolean;
  concepts: Concept[];
  /** Han phrases of 3+ characters as typed (after removing question words), for phrase bonuses. */
  phrases: string[];
}

export interface QueryContext {
  /** term → its synonym group */
  synonymOf: Map<string, string[]>;
  /** synonym terms of 2+ characters, longest first, for phrase matching */
  synonymTerms: string[];
  corrections: [string, string][];
  pinyin: readonly PinyinPhrase[];
  /** Latin words that occur in the index itself (app, iphone, vivo): not pinyin. */
  latinWords: ReadonlySet<string>;
}

export function queryContext(synonyms: string[][], corrections: [string, string][], pinyin: readonly PinyinPhrase[], latinWords: ReadonlySet<string>): QueryContext {
  const synonymOf = new Map<string, string[]>();
  for (const group of synonyms) for (const term of group) synonymOf.set(term, group);
  const synonymTerms = [...synonymOf.keys()].filter((t) => [...t].length >= 2).sort((a, b) => b.length - a.length);
  return { synonymOf, synonymTerms, corrections: [...corrections].sort((a, b) => b[0].length - a[0].length), pinyin, latinWords };
}

/**
 * Words that carry the shape of a question, not its topic. Removed only when the word
 * segmenter finds them as whole words, so 功能 keeps its 能 and 了解 its 了.
 */
const QUESTION_WORDS = new Set(
  (
    '怎么办 怎么 怎样 怎么样 咋办 咋 咋整 如何 办 弄 请问 问 一下 什么 啥 哪些 哪个 哪里 哪儿 是不是 能不能 可不可以 会不会 有没有 要不要 可以 ' +
    '吗 嘛 么 呢 吧 啊 呀 哦 了 的 地 得 我 我的 你 你们 他 她 自己 这个 那个 这种 那种 是 就 都 也 很 太 还是 然后 ' +
    '会 能 要 想 该 应该 需要 一个 个 有 在 把 和 与 及 或 对 给 让 去 来 说 知道 好 真的 到底 现在 已经 一直 还 又 再 才 吧'
  ).split(' '),
);
/** Words that look like question words but are topics here (还 in 还款/不还 is kept by the segmenter's context). */
const KEEP_AFTER = new Set(['不', '没', '未']);

let segmenter: Intl.Segmenter | undefined;
function words(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(text)].map((s) => s.segment);
}

function applyCorrections(text: string, corrections: [string, string][]): string {
  let out = text;
  for (const [wrong, right] of corrections) if (out.includes(wrong)) out = out.split(wrong).join(right);
  return out;
}

function synonymConcept(ctx: QueryContext, typed: string, source: ConceptSource = 'synonym', baseWeight = 1): Concept {
  const group = ctx.synonymOf.get(typed);
  const alts: Alternative[] = [{ text: typed, weight: baseWeight }];
  for (const other of group ?? []) if (other !== typed) alts.push({ text: other, weight: 0.9 * baseWeight });
  return { source: group ? source : source === 'synonym' ? 'bigram' : source, typed, alts, weight: group ? 1.5 : 1 };
}

interface Span {
  start: number;
  end: number;
  /** 'synonym' spans become one concept; 'pinyin' spans were typed as letters. */
  kind: 'synonym' | 'pinyin';
  concept?: Concept;
}

/** Synonym phrases in the text, longest first, left to right, not overlapping the given spans. */
function synonymSpans(ctx: QueryContext, text: string, taken: Span[]): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < text.length) {
    const inside = taken.find((s) => i >= s.start && i < s.end);
    if (inside) {
      i = inside.end;
      continue;
    }
    const term = ctx.synonymTerms.find((t) => text.startsWith(t, i) && !taken.some((s) => s.start < i + t.length && s.start >= i));
    if (term) {
      spans.push({ start: i, end: i + term.length, kind: 'synonym' });
      i += term.length;
    } else i += text.codePointAt(i)! > 0xffff ? 2 : 1;
  }
  return spans;
}

/** True when letters look like pinyin initials only ("zj", "zfb"): consonants a phone user types for speed. */
const looksLikeInitials = (latin: string) => latin.length >= 2 && latin.length <= 5 && /^[bpmfdtnlgkhjqxrzcsyw]+$/.test(latin);

export function analyzeQuery(raw: string, ctx: QueryContext): QueryAnalysis {
  const normalized = normalizeText(raw);
  let effective = applyCorrections(normalized, ctx.corrections);
  let rewritten = effective !== normalized;

  // 1. Pinyin → Chinese ("zuji押金" → "租机押金"), remembering where the guesses are.
  const spans: Span[] = [];
  for (const run of splitRuns(effective).filter((r) => r.kind === 'latin')) {
    if (ctx.latinWords.has(run.text) || ctx.synonymOf.has(run.text)) continue;
    if (!looksLikePinyin(run.text) && !looksLikeInitials(run.text)) continue;
    const pieces = segmentPinyin(ctx.pinyin, run.text);
    if (pieces.length === 0) continue;
    const at = effective.indexOf(run.text);
    let offset = at;
    const replacement = pieces.map((p) => p[0]!.text).join('');
    effective = effective.slice(0, at) + replacement + effective.slice(at + run.text.length);
    // Later spans shift by the change in length.
    for (const s of spans) if (s.start > at) (s.start += replacement.length - run.text.length), (s.end += replacement.length - run.text.length);
    for (const piece of pieces) {
      const best = piece[0]!;
      const concept = synonymConcept(ctx, best.text, 'pinyin', 1);
      // Other phrases the same letters spell, weaker: "zj" may be 租机 or 中介.
      for (const other of piece.slice(1)) if (!concept.alts.some((a) => a.text === other.text)) concept.alts.push({ text: other.text, weight: 0.6 * Math.min(1, other.score / best.score) });
      concept.alts.push({ text: run.text, weight: 0.5 });
      concept.weight = 1.5;
      spans.push({ start: offset, end: offset + best.text.length, kind: 'pinyin', concept });
      offset += best.text.length;
    }
    rewritten = true;
  }

  // 2. Synonym phrases protect words such as 用不了 from question-word removal.
  spans.push(...synonymSpans(ctx, effective, spans));
  spans.sort((a, b) => a.start - b.start);
  const spanAt = (i: number) => spans.find((s) => i >= s.start && i < s.end);

  // 3. Question words, found as whole words by the segmenter, outside any span.
  const kept: boolean[] = new Array(effective.length).fill(true);
  let pos = 0;
  const tokens = words(effective);
  tokens.forEach((token, t) => {
    const previous = tokens[t - 1] ?? '';
    const isQuestion = QUESTION_WORDS.has(token) && !(KEEP_AFTER.has(previous.at(-1) ?? '') && token === '还');
    if (isQuestion && ![...Array(token.length).keys()].some((k) => spanAt(pos + k))) for (let k = 0; k < token.length; k++) kept[pos + k] = false;
    pos += token.length;
  });

  // 4. Concepts, piece by piece (a piece = a stretch of kept characters).
  const concepts: Concept[] = [];
  const phrases: string[] = [];
  let i = 0;
  while (i < effective.length) {
    if (!kept[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < effective.length && kept[j]) j++;
    const piece = effective.slice(i, j);
    if ([...piece].filter(isHan).length >= 3) phrases.push(piece);
    // Walk the piece: spans become their concept, the rest become runs.
    let k = i;
    let plainStart = i;
    const flushPlain = (end: number) => {
      const plain = effective.slice(plainStart, end);
      for (const run of splitRuns(plain)) {
        if (run.kind === 'han') {
          const chars = [...run.text];
          if (chars.length === 1) concepts.push({ source: 'char', typed: run.text, alts: [{ text: run.text, weight: 1 }], weight: 1 });
          else for (const pair of bigrams(run.text)) concepts.push({ source: 'bigram', typed: pair, alts: [{ text: pair, weight: 1 }], weight: 1 });
        } else if (run.kind === 'latin') concepts.push({ source: 'latin', typed: run.text, alts: [{ text: run.text, weight: 1 }], weight: 1 });
        else concepts.push({ source: 'digit', typed: run.text, alts: [{ text: run.text, weight: 1 }], weight: 0.8 });
      }
    };
    while (k < j) {
      const span = spanAt(k);
      if (span && span.start === k) {
        flushPlain(k);
        concepts.push(span.concept ?? synonymConcept(ctx, effective.slice(span.start, span.end)));
        k = span.end;
        plainStart = k;
      } else k++;
    }
    flushPlain(j);
    // Pairs across a synonym's edge ("月" + "利息" → 月利) keep the order readers typed.
    for (const span of spans) {
      for (const [a, b] of [
        [span.start - 1, span.start],
        [span.end - 1, span.end],
      ] as const) {
        if (a < i || b >= j) continue;
        const pair = effective.slice(a, b + 1);
        if ([...pair].length === 2 && [...pair].every(isHan)) concepts.push({ source: 'bigram', typed: pair, alts: [{ text: pair, weight: 1 }], weight: 0.5 });
      }
    }
    i = j;
  }

  // A lone character next to real words is usually noise (元, 买); alone it is the query.
  const substantial = concepts.filter((c) => c.source !== 'char').length;
  for (const c of concepts) if (c.source === 'char' && substantial > 0) c.weight = 0.3;

  return { raw, effective, rewritten, concepts: dedupe(concepts), phrases };
}

function dedupe(concepts: Concept[]): Concept[] {
  const seen = new Set<string>();
  return concepts.filter((c) => {
    const key = c.alts.map((a) => a.text).sort().join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Terms worth marking in excerpts and on the article page: what was typed, plus synonyms. */
export function highlightTerms(analysis: QueryAnalysis): string[] {
  const terms = new Set<string>();
  for (const c of analysis.concepts) {
    if (c.source === 'bigram') continue;
    // The raw letters of a pinyin guess (weight 0.5) never appear in the text.
    for (const a of c.alts) if (a.weight > 0.5) terms.add(a.text);
    if (c.source === 'latin' || c.source === 'digit') terms.add(c.typed);
  }
  for (const run of analysis.phrases) terms.add(run);
  // Runs of bigrams: mark the longest typed Han stretches rather than pairs.
  const bigramText = analysis.concepts.filter((c) => c.source === 'bigram').map((c) => c.typed);
  for (const pair of bigramText) if (![...terms].some((t) => t.includes(pair))) terms.add(pair);
  return [...terms].filter((t) => t.length > 0).sort((a, b) => b.length - a.length);
}
