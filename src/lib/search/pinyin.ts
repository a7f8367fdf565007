/**
 * Pinyin typed by readers ("zuji", "zj", "fenqile", "zujidaoqi") turned back into the
 * Chinese phrases of our own index. The readings come from the build (pinyin-pro); this
 * side only matches, so the browser never downloads a pinyin dictionary.
 */

export interface PinyinPhrase {
  text: string[];
  /** readings[i] = possible toneless syllables of text[i] */
  readings: string[][];
}

/** Phrases with per-character readings; characters without a reading stand for themselves. */
export function pinyinPhrases(phrases: Iterable<string>, readings: Readonly<Record<string, string>>): PinyinPhrase[] {
  const out: PinyinPhrase[] = [];
  for (const phrase of new Set(phrases)) {
    const text = [...phrase];
    if (!text.some((ch) => readings[ch])) continue;
    out.push({ text, readings: text.map((ch) => (readings[ch] ?? ch.toLowerCase()).split('/')) });
  }
  return out;
}

export interface PinyinCandidate {
  text: string;
  /** How many indexed phrases contain it, weighted by match kind. */
  score: number;
  kind: 'full' | 'initials';
}

/** Every way `latin` spells a contiguous part of `phrase` starting at character `start`, in full pinyin. */
function fullMatchEnds(phrase: PinyinPhrase, start: number, latin: string, allowPartial: boolean): number[] {
  const ends: number[] = [];
  const walk = (i: number, pos: number) => {
    if (pos === latin.length) {
      ends.push(i);
      return;
    }
    if (i >= phrase.text.length) return;
    for (const reading of phrase.readings[i]!) {
      if (latin.startsWith(reading, pos)) walk(i + 1, pos + reading.length);
      // An unfinished last syllable ("zuj" → 租机) once at least one syllable is whole.
      else if (allowPartial && pos > 0 && reading.startsWith(latin.slice(pos)) && latin.length - pos < reading.length) ends.push(i + 1);
    }
  };
  walk(start, 0);
  return ends;
}

const isHanChar = (ch: string) => /\p{Script=Han}/u.test(ch);

/**
 * Chinese phrases from the index that `latin` spells, best first: full pinyin
 * ("zuji" → 租机), an unfinished last syllable ("zuj"), or initials ("zj" → 租机).
 */
export function pinyinCandidates(phrases: readonly PinyinPhrase[], latin: string, options: { allowPartial?: boolean; allowInitials?: boolean } = {}): PinyinCandidate[] {
  const { allowPartial = true, allowInitials = true } = options;
  const found = new Map<string, PinyinCandidate>();
  const add = (text: string, weight: number, kind: PinyinCandidate['kind']) => {
    const prev = found.get(text);
    if (prev) prev.score += weight;
    else found.set(text, { text, score: weight, kind });
  };
  for (const phrase of phrases) {
    const seenHere = new Set<string>();
    for (let start = 0; start < phrase.text.length; start++) {
      if (!isHanChar(phrase.text[start]!)) continue;
      for (const end of fullMatchEnds(phrase, start, latin, allowPartial)) {
        const text = phrase.text.slice(start, end).join('');
        if (!seenHere.has(text)) add(text, 1, 'full');
        seenHere.add(text);
      }
      if (allowInitials && latin.length >= 2 && latin.length <= 6 && start + latin.length <= phrase.text.length) {
        let ok = true;
        for (let k = 0; k < latin.length && ok; k++) {
          const ch = phrase.text[start + k]!;
          ok = isHanChar(ch) && phrase.readings[start + k]!.some((r) => r[0] === latin[k]);
        }
        const text = phrase.text.slice(start, start + latin.length).join('');
        if (ok && !seenHere.has(text)) {
          add(text, 0.5, 'initials');
          seenHere.add(text);
        }
      }
    }
  }
  return [...found.values()]
    .filter((c) => [...c.text].length >= 2 || latin.length <= 6)
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'full' ? -1 : 1) || b.score - a.score || b.text.length - a.text.length);
}

/**
 * Splits a long pinyin string into pieces that each spell an indexed phrase
 * ("zujidaoqi" → 租机 + 到期), longest piece first. Returns [] when it cannot.
 */
export function segmentPinyin(phrases: readonly PinyinPhrase[], latin: string): PinyinCandidate[][] {
  const whole = pinyinCandidates(phrases, latin, { allowInitials: latin.length <= 4 });
  if (whole.length > 0) return [whole.slice(0, 3)];
  for (let cut = latin.length - 1; cut >= 2; cut--) {
    const head = pinyinCandidates(phrases, latin.slice(0, cut), { allowPartial: false, allowInitials: false });
    if (head.length === 0 || [...head[0]!.text].length < 2) continue;
    const rest = segmentPinyin(phrases, latin.slice(cut));
    if (rest.length > 0) return [head.slice(0, 3), ...rest];
  }
  return [];
}
