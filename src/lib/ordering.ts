/** Orders and neighbours inside a list of articles. */

export interface OrderKey {
  slug: string;
  publishedAt: Date;
}

/**
 * Planned order first (position in content/plan.yaml), then unplanned articles newest
 * first, ties by slug so the order is stable between builds.
 */
export function planOrder<T>(items: readonly T[], key: (item: T) => OrderKey, positions: ReadonlyMap<string, number>): T[] {
  const keyed = items.map((item) => ({ item, key: key(item) }));
  keyed.sort((a, b) => {
    const pa = positions.get(a.key.slug) ?? Number.POSITIVE_INFINITY;
    const pb = positions.get(b.key.slug) ?? Number.POSITIVE_INFINITY;
    if (pa !== pb) return pa - pb;
    return b.key.publishedAt.getTime() - a.key.publishedAt.getTime() || a.key.slug.localeCompare(b.key.slug);
  });
  return keyed.map((k) => k.item);
}

/** Previous and next item of each element of an ordered list, keyed by `keyOf`. */
export function neighbours<T>(ordered: readonly T[], keyOf: (item: T) => string): Map<string, { previous?: T; next?: T }> {
  return new Map(ordered.map((item, i) => [keyOf(item), { previous: ordered[i - 1], next: ordered[i + 1] }]));
}
