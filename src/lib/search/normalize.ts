/**
 * Text normalisation shared by the index builder and the query side, so that what
 * readers type and what the index holds meet in one form: NFKC (full-width Ａ０？ →
 * half-width A0?), lower case, punctuation and all whitespace removed. Chinese has no
 * spaces between words, so spaces carry no meaning we rely on ("zu ji" = "zuji").
 */

const HAN_CHAR = /\p{Script=Han}/u;
const LATIN_CHAR = /[a-z]/;
const DIGIT_CHAR = /[0-9]/;

export const isHan = (ch: string) => HAN_CHAR.test(ch);

/** The canonical, space-free form of any text (query or indexed field). */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\p{Cf}\s]+/gu, '');
}

/** Latin words (two letters or more) in normalised text: typed, they are words of the index (app, iphone), not pinyin. */
export function latinWordsIn(normalized: string): string[] {
  return normalized.match(/[a-z]{2,}/g) ?? [];
}

/** Like normalizeText but keeps single spaces where the reader typed separators (for display). */
export function tidyQuery(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\p{Z}\s]+/gu, ' ')
    .trim();
}

export type RunKind = 'han' | 'latin' | 'digit';

export interface Run {
  kind: RunKind;
  text: string;
  /** Offset in the normalised string. */
  start: number;
}

function kindOf(ch: string): RunKind | undefined {
  if (isHan(ch)) return 'han';
  if (LATIN_CHAR.test(ch)) return 'latin';
  if (DIGIT_CHAR.test(ch)) return 'digit';
  return undefined;
}

/** Splits a normalised string into runs of Han characters, Latin letters and digits. */
export function splitRuns(normalized: string): Run[] {
  const runs: Run[] = [];
  let index = 0;
  for (const ch of normalized) {
    const kind = kindOf(ch);
    const last = runs.at(-1);
    if (kind && last && last.kind === kind && last.start + last.text.length === index) last.text += ch;
    else if (kind) runs.push({ kind, text: ch, start: index });
    index += ch.length;
  }
  return runs;
}

/** Character bigrams of a Han run ("租机到期" → 租机, 机到, 到期). */
export function bigrams(text: string): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/**
 * Syllables that make up Hanyu Pinyin, used to tell "zuji" (pinyin typed on a phone
 * keyboard that has not converted yet) from English such as "iphone".
 */
const INITIALS = ['zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's', 'y', 'w', ''];
/** Finals written without an initial (yi, wu, yu take y/w instead). */
const FINALS_ALONE = new Set('a o e ai ei ao ou an en ang eng er'.split(' '));
const FINALS = new Set(
  'a o e i u v ai ei ui ao ou iu ie ve ue er an en in un vn ang eng ing ong ia iao ian iang iong ua uo uai uan uang un ue'.split(' '),
);

function isSyllable(s: string): boolean {
  for (const initial of INITIALS) {
    if (!s.startsWith(initial)) continue;
    const rest = s.slice(initial.length);
    if (initial === '' ? FINALS_ALONE.has(rest) : FINALS.has(rest)) return true;
    // Standalone initials for syllables such as "ng"/"m" are not typed by readers.
  }
  return false;
}

/**
 * True when the Latin text can be read as whole pinyin syllables ("zuji", "fenqi",
 * "zhengxin"), optionally ending in an unfinished syllable ("zuj").
 */
export function looksLikePinyin(latin: string, allowPartialEnd = true): boolean {
  if (!/^[a-z]+$/.test(latin)) return false;
  const ok: boolean[] = new Array(latin.length + 1).fill(false);
  ok[0] = true;
  for (let end = 1; end <= latin.length; end++) {
    for (let start = Math.max(0, end - 6); start < end; start++) {
      if (ok[start] && isSyllable(latin.slice(start, end))) {
        ok[end] = true;
        break;
      }
    }
  }
  if (ok[latin.length]) return true;
  if (!allowPartialEnd) return false;
  // An unfinished last syllable: everything up to a consonant start is whole syllables.
  for (let cut = latin.length - 1; cut >= Math.max(1, latin.length - 3); cut--) {
    if (ok[cut] && INITIALS.some((i) => i && (latin.slice(cut).startsWith(i) || i.startsWith(latin.slice(cut))))) return true;
  }
  return false;
}
