/**
 * Checks that compare published articles with each other beyond content-checks.ts:
 * orphans (no other article links to them) and near-duplicate bodies.
 */
import { articleLinks, jaccard, proseOf, shingles } from '../article-text.ts';
import { RULES } from '../article-rules.ts';
import type { ParsedArticle, Problem } from '../content-checks.ts';

const slugOf = (a: ParsedArticle) => (typeof a.data.slug === 'string' ? a.data.slug : undefined);

/** Articles that no other article links to: readers and search engines reach them only through lists. */
export function orphanProblems(articles: readonly ParsedArticle[]): Problem[] {
  const linked = new Set<string>();
  for (const article of articles) for (const link of articleLinks(article.body)) if (link.slug !== slugOf(article)) linked.add(link.slug);
  return articles
    .filter((a) => slugOf(a) && !linked.has(slugOf(a)!))
    .map((a) => ({
      file: a.file,
      line: a.fieldLines.get('slug') ?? 1,
      rule: 'orphan',
      severity: 'error' as const,
      message: `没有其他文章链接到这篇（孤立文章）。请在一两篇相关文章的正文里，在真正有帮助的地方加一个链接：[文字](/articles/${slugOf(a)}/)。`,
    }));
}

/** Pairs of bodies that read as rewrites of each other (5-character shingle Jaccard above RULES.maxSimilarity). */
export function similarityProblems(articles: readonly ParsedArticle[]): Problem[] {
  const sets = articles.map((a) => shingles(proseOf(a.body)));
  const problems: Problem[] = [];
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      const score = jaccard(sets[i]!, sets[j]!);
      if (score <= RULES.maxSimilarity) continue;
      const [a, b] = [articles[i]!, articles[j]!];
      problems.push({
        file: b.file,
        line: b.bodyStartLine,
        rule: 'similar-body',
        severity: 'error',
        message: `正文和 ${a.file} 太像（相似度 ${score.toFixed(2)}，上限 ${RULES.maxSimilarity}），读起来像同一篇的改写。请换一个角度重写（见 content/plan.yaml 的 angle），重复的部分改成链接到那篇文章。`,
      });
    }
  }
  return problems;
}
