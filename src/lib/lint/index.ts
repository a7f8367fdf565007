/**
 * The content linter (`npm run lint:content`): every rule an article must pass, as one
 * pure function over the sources. Each problem names the file, the line, the rule and
 * the fix. Rules and what they mean are listed for editors in docs/editing.md.
 */
import { crossArticleProblems, dateProblems, isProblem, type Problem, type SourceFile } from '../content-checks.ts';
import { articleSchema, PLACEHOLDER_MARK } from '../schema.ts';
import { loadArticle, type LintArticle } from './article.ts';
import { orphanProblems, similarityProblems } from './cross.ts';
import { mdxProblems } from './mdx.ts';
import { phoneProblems } from './phone.ts';
import { schemaProblems } from './schema-problems.ts';
import { shapeProblems } from './shape.ts';
import { staleProblems } from './stale.ts';
import { typographyProblems } from './typography.ts';

export interface LintInput {
  files: readonly SourceFile[];
  /** Category slugs from categories.yaml, and that file's path for messages. */
  categories: readonly string[];
  categoryFile: string;
  /** Titles fixed by content/plan.yaml: kept exactly as planned, so not typography-checked. */
  plannedTitles?: ReadonlySet<string>;
  today: Date;
}

/** Leftover `npm run new` placeholder text, on every line that has it. */
export function placeholderProblems(article: LintArticle): Problem[] {
  return article.source.split('\n').flatMap((text, index) =>
    text.includes(PLACEHOLDER_MARK)
      ? [
          {
            file: article.file,
            line: index + 1,
            rule: 'placeholder',
            severity: 'error' as const,
            message: `这一行还是 npm run new 生成的占位文字（含“${PLACEHOLDER_MARK}”）。请换成真正的内容，或删掉这一行。`,
          },
        ]
      : [],
  );
}

const DATE_FIELDS = ['publishedAt', 'updatedAt', 'reviewedAt'];

const byPosition = (a: Problem, b: Problem) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule);

export function lintContent(input: LintInput): Problem[] {
  const schema = articleSchema(input.categories, input.categoryFile, () => input.today.getTime());
  const loaded = input.files.map(loadArticle);
  const articles = loaded.filter((a): a is LintArticle => !isProblem(a));
  const published = articles.filter((a) => a.data.draft !== true);
  const problems: Problem[] = loaded.filter(isProblem);

  for (const article of articles) {
    const dates = dateProblems(article);
    // A date already reported as not a real day, and a placeholder already reported line by line, are not reported twice.
    const badDates = new Set(DATE_FIELDS.filter((f) => dates.some((d) => d.line === article.fieldLines.get(f))));
    const placeholders = placeholderProblems(article);
    problems.push(
      ...dates,
      ...schemaProblems(article, schema, badDates).filter((p) => !(placeholders.length && p.message.includes(PLACEHOLDER_MARK))),
      ...placeholders,
      ...mdxProblems(article),
      ...typographyProblems(article, { skipTitle: input.plannedTitles?.has(String(article.data.title)) ?? false }),
      ...phoneProblems(article.file, article.source),
      ...shapeProblems(article),
      ...staleProblems(article, input.today),
    );
  }

  // Published articles are checked against published ones only (a link to a draft is
  // broken on the built site); drafts against everything, so a draft's own links and a
  // slug taken by another draft are reported too.
  const seen = new Set<string>();
  const draftFiles = new Set(articles.filter((a) => a.data.draft === true).map((a) => a.file));
  for (const p of [...crossArticleProblems(published), ...crossArticleProblems(articles).filter((p) => draftFiles.has(p.file))]) {
    const key = `${p.file}:${p.line}:${p.rule}`;
    if (!seen.has(key)) problems.push(p), seen.add(key);
  }
  problems.push(...orphanProblems(published), ...similarityProblems(articles));
  return problems.sort(byPosition);
}

export { fixTypography, useAutocorrectConfig } from './typography.ts';
