/**
 * What to offer when a search finds nothing: shorter queries made of the parts of the
 * query that do match something on their own.
 */
import type { QueryAnalysis } from './query.ts';
import { scoreLocal, type Matcher } from './rank.ts';

export function shorterQueries(matcher: Matcher, analysis: QueryAnalysis, limit = 3): string[] {
  const candidates = new Map<string, number>();
  for (const concept of analysis.concepts) {
    if (concept.source === 'char') continue;
    const single: QueryAnalysis = { ...analysis, concepts: [concept], phrases: [] };
    const hits = scoreLocal(matcher, single).hits.length;
    const text = concept.source === 'pinyin' ? concept.alts[0]!.text : concept.typed;
    if (hits > 0 && text !== analysis.effective) candidates.set(text, Math.max(candidates.get(text) ?? 0, hits));
  }
  return [...candidates.entries()]
    .sort((a, b) => b[0].length - a[0].length || b[1] - a[1])
    .slice(0, limit)
    .map(([text]) => text);
}
