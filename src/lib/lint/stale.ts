/** Articles whose facts nobody has checked for over a year (a warning: facts may have changed). */
import type { Problem } from '../content-checks.ts';
import { isoDay, parseDay } from '../dates.ts';
import type { LintArticle } from './article.ts';

export const STALE_MONTHS = 12;

/** The latest of publishedAt, updatedAt and reviewedAt, with the field it came from. */
export function lastChecked(data: Record<string, unknown>): { field: string; day: Date } | undefined {
  let best: { field: string; day: Date } | undefined;
  for (const field of ['publishedAt', 'updatedAt', 'reviewedAt']) {
    const day = parseDay(data[field] instanceof Date ? data[field] : data[field] === undefined ? undefined : String(data[field]));
    if (day && (!best || day >= best.day)) best = { field, day };
  }
  return best;
}

export function staleProblems(article: LintArticle, today: Date): Problem[] {
  const checked = lastChecked(article.data);
  if (!checked) return [];
  const limit = new Date(checked.day);
  limit.setUTCMonth(limit.getUTCMonth() + STALE_MONTHS);
  if (today <= limit) return [];
  return [
    {
      file: article.file,
      line: article.fieldLines.get(checked.field) ?? 1,
      rule: 'stale',
      severity: 'warning',
      message: `最近一次更新或核实是 ${isoDay(checked.day)}（${checked.field}），已超过 ${STALE_MONTHS} 个月。请核对文中的利率、平台规则、法条是否仍然准确，改好后把 reviewedAt 设为核实当天，例如 reviewedAt: ${isoDay(today)}。`,
    },
  ];
}
