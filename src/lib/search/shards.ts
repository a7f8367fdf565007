/**
 * Names of the full-text index's shards inside pagefind-entry.json. The first is named
 * after the pages' language (zh-cn), so Pagefind picks it for its main instance; the
 * browser merges the others by name (src/scripts/search-engine.ts).
 */
export const shardLanguage = (shard: number) => (shard === 0 ? 'zh-cn' : `zh-cn-part${shard}`);

/** The extra shards a bundle lists, in order, from its pagefind-entry.json languages. */
export function extraShards(languages: Record<string, unknown>): string[] {
  const extra: string[] = [];
  for (let shard = 1; shardLanguage(shard) in languages; shard++) extra.push(shardLanguage(shard));
  return extra;
}
