/** Dates as editors write them (YYYY-MM-DD) and as readers and machines see them. */

/**
 * A calendar day from frontmatter: a YAML date or a `YYYY-MM-DD` string that names a
 * real day (2026-02-30 and 2026-13-01 are rejected, not rolled over). Undefined if invalid.
 */
export function parseDay(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string') return undefined;
  const match = value.trim().match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

const dateFormat = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** 2024-05-31 → 2024年5月31日. Days are stored as UTC midnight, so they are shown in UTC. */
export const formatDate = (date: Date) => dateFormat.format(date);

/** YYYY-MM-DD, for <time datetime> and sitemaps. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
