/**
 * Phone-number-like strings. The content guide forbids inventing phone numbers: a number
 * that is wrong, outdated or owned by a scammer can cost a reader money. Only these public
 * hotlines may appear.
 */
import type { Problem } from '../content-checks.ts';

export const ALLOWED_HOTLINES: readonly string[] = ['12315', '12378', '110', '96110'];

/** A unit right after a number means an amount, not a phone number (12000 元, 95000 台). */
const AMOUNT_UNIT = String.raw`(?!\s*(?:元|块|角|%|％|‰|期|天|日|月|个|年|岁|人|笔|次|份|台|部|万|亿|千|百|分|件|条|项|家|公里|km|mAh|GB|G\b|[Tt][Bb]))`;

const PATTERNS: RegExp[] = [
  // Mobile numbers, optionally +86 and grouped: 13800138000, 138 0013 8000, +86-138-0013-8000.
  new RegExp(String.raw`(?<![\d.,])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![\d.,])`, 'g'),
  // 400/800 service numbers: 400-123-4567.
  new RegExp(String.raw`(?<![\d.,])[48]00[ -]?\d{3}[ -]?\d{4}(?![\d.,])`, 'g'),
  // Landlines with an area code: 010-12345678, (0731)8888888, 0755 88888888.
  new RegExp(String.raw`(?<![\d.,])(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}[ -])\d{7,8}(?![\d.,])`, 'g'),
  // Five-digit service numbers (95xxx banks, 96xxx, 12xxx government lines) not followed by a unit.
  new RegExp(String.raw`(?<![\d.,¥￥])(?:95\d{3,4}|96\d{3}|12\d{3})(?![\d.,])${AMOUNT_UNIT}`, 'g'),
  // Any 3–8 digit number right after a word that introduces a phone number: 拨打 120、客服电话 1234567.
  new RegExp(String.raw`(?<=(?:拨打|致电|电话|热线|专线|呼叫|号码)[：:\s“"]{0,3})\d{3,8}(?![\d.,])${AMOUNT_UNIT}`, 'g'),
];

export interface PhoneMatch {
  text: string;
  /** 0-based index in the line. */
  index: number;
}

/** Phone-number-like strings in one line of text, except the allowed hotlines. */
export function phoneNumbersIn(line: string): PhoneMatch[] {
  const found = new Map<number, PhoneMatch>();
  for (const pattern of PATTERNS) {
    for (const m of line.matchAll(pattern)) {
      const digits = m[0].replace(/\D/g, '');
      if (ALLOWED_HOTLINES.includes(digits)) continue;
      if ([...found.values()].some((f) => m.index! >= f.index && m.index! < f.index + f.text.length)) continue;
      found.set(m.index!, { text: m[0], index: m.index! });
    }
  }
  return [...found.values()].sort((a, b) => a.index - b.index);
}

/** Phone-number-like strings anywhere in a file (frontmatter FAQ answers included). */
export function phoneProblems(file: string, source: string): Problem[] {
  return source.split('\n').flatMap((text, index) =>
    phoneNumbersIn(text).map((m) => ({
      file,
      line: index + 1,
      rule: 'phone-number',
      severity: 'error' as const,
      message: `“${m.text}”像是电话号码。文章里只能出现这些公开热线：${ALLOWED_HOTLINES.join('、')}；其他号码可能过时或被骗子冒用。请删掉它，改写成“在官方 App 或官网的联系客服页面查看”。如果它不是电话号码（例如金额），请在后面写上单位（元、台……）。`,
    })),
  );
}
