/**
 * One word segmentation for both sides of the full-text index. The build cuts article
 * text into words before Pagefind sees it (Pagefind then only splits on spaces, which
 * takes about a third of the time and half the memory of its own Chinese segmenter), and
 * the browser cuts every query with this same function, so a word is split the same way
 * at index time and at query time. Intl.Segmenter does the cutting; the site's own
 * vocabulary (the synonym groups in content/search/synonyms.yaml) only mends the domain
 * words it does not know and leaves in single characters, such as 租机.
 */

/** Full-width punctuation: what Chinese prose puts between words without a space (，。、“”（）《》…). */
const CJK_PUNCT = '\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65\\u2018\\u2019\\u201C\\u201D\\u2026\\u2014\\u00B7';
/** A Han character or full-width punctuation mark beside full-width punctuation: where spaceHanWords() adds a space. */
const PUNCT_BOUNDARY = new RegExp(`(?<=[\\p{Script=Han}${CJK_PUNCT}])(?=[${CJK_PUNCT}])|(?<=[${CJK_PUNCT}])(?=\\p{Script=Han})`, 'gu');
/** A space spaceHanWords() added (Han or full-width punctuation on both sides), also beside highlight tags. */
const ADDED_SPACE = new RegExp(`([\\p{Script=Han}${CJK_PUNCT}](?:</?mark>)*) (?=(?:</?mark>)*[\\p{Script=Han}${CJK_PUNCT}])`, 'gu');

export interface Lexicon {
  terms: ReadonlySet<string>;
  /** Length of the longest term, in UTF-16 units: how far a match can reach. */
  longest: number;
}

/** The Han terms of two or more characters: single characters would glue nothing. */
export function lexiconOf(terms: Iterable<string>): Lexicon {
  const set = new Set<string>();
  for (const term of terms) if (/^\p{Script=Han}{2,}$/u.test(term)) set.add(term);
  return { terms: set, longest: Math.max(0, ...[...set].map((t) => t.length)) };
}

let segmenter: Intl.Segmenter | undefined;
function segments(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const out: string[] = [];
  for (const part of segmenter.segment(text)) out.push(part.segment);
  return out;
}

const HAN_CHAR = /\p{Script=Han}/u;
const isSingleHan = (piece: string) => piece.length <= 2 && [...piece].length === 1 && HAN_CHAR.test(piece);
const firstChar = (text: string) => String.fromCodePoint(text.codePointAt(0)!);
const lastChar = (text: string) => (/[\uDC00-\uDFFF]$/.test(text) ? text.slice(-2) : text.slice(-1));

/**
 * The segmenter's pieces with the site's terms it leaves in single Han characters
 * (租机 → 租|机, 验机 → 验|机) joined back. Only single characters are joined: real words
 * are never glued into longer ones, so 押金 stays findable inside 免押金 and 被锁 inside
 * 手机被锁.
 */
function joinTerms(pieces: readonly string[], lexicon: Lexicon): string[] {
  const words: string[] = [];
  for (let i = 0; i < pieces.length; ) {
    let word = pieces[i]!;
    let take = 1;
    if (isSingleHan(word)) {
      let candidate = word;
      for (let j = i + 1; j < pieces.length && isSingleHan(pieces[j]!) && candidate.length < lexicon.longest; j++) {
        candidate += pieces[j];
        if (lexicon.terms.has(candidate)) [word, take] = [candidate, j - i + 1];
      }
    }
    words.push(word);
    i += take;
  }
  return words;
}

/** Words of a run of Han characters: Intl.Segmenter's, with the site's terms joined back. */
export function hanWords(run: string, lexicon: Lexicon): string[] {
  return joinTerms(segments(run), lexicon);
}

/**
 * The text with a space between every two Han words and around full-width punctuation,
 * and nothing else changed: the form Pagefind indexes and the form a query is sent in.
 * Pagefind splits only on spaces: "的，一般" would be one more word, "的一般", and such
 * words across punctuation were most of a large site's vocabulary (118,000 words for
 * 1,000 articles instead of about 5,000) and of its indexing time. Chinese prose never
 * has a space between two Han characters or beside full-width punctuation, so
 * unspaceHan() restores it exactly.
 *
 * The whole text goes through the segmenter in one call: a call per run of Han
 * characters took three times as long (about 50 s of a 10,000-article build) for the
 * same words.
 */
export function spaceHanWords(text: string, lexicon: Lexicon): string {
  let out = '';
  let previous = '';
  for (const word of joinTerms(segments(text), lexicon)) {
    // A space where one Han word ends and the next begins.
    if (previous && HAN_CHAR.test(lastChar(previous)) && HAN_CHAR.test(firstChar(word))) out += ' ';
    out += word;
    previous = word;
  }
  return out.replace(PUNCT_BOUNDARY, ' ');
}

/**
 * Removes the spaces spaceHanWords() added, also when highlight tags sit beside them
 * (Pagefind's excerpts: "押金 <mark>退还</mark> ，").
 */
export function unspaceHan(html: string): string {
  return html.replace(ADDED_SPACE, '$1');
}

/** The words of a query as the index holds them, for Pagefind (which ANDs space-separated words). */
export function queryWords(text: string, lexicon: Lexicon): string[] {
  return spaceHanWords(text, lexicon)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
