import { countHanChars } from './article-text.ts';

/** Reading speeds for Chinese readers on a phone: ~400 Han characters or ~200 Latin words a minute. */
const HAN_PER_MINUTE = 400;
const WORDS_PER_MINUTE = 200;

/** Whole minutes to read a body, never less than 1. */
export function readingMinutes(body: string): number {
  const han = countHanChars(body);
  const words = body.replace(/\p{Script=Han}/gu, ' ').match(/[A-Za-z0-9]+/g)?.length ?? 0;
  return Math.max(1, Math.round(han / HAN_PER_MINUTE + words / WORDS_PER_MINUTE));
}
