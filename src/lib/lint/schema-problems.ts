/**
 * Frontmatter schema errors with line numbers: the same zod schema the build uses
 * (src/lib/schema.ts), its issues mapped to the line of the offending field.
 */
import type { Problem } from '../content-checks.ts';
import type { articleSchema } from '../schema.ts';
import { describePath, lineOfPath, type LintArticle } from './article.ts';

type Schema = ReturnType<typeof articleSchema>;

const HAN = /\p{Script=Han}/u;

const TYPE_NAMES: Record<string, string> = {
  string: '文字（用双引号括起来）',
  number: '数字',
  boolean: 'true 或 false',
  array: '列表',
  object: '“字段: 值”的组合',
};

/** Zod's own English messages, for the few checks without a custom one, in Chinese. */
function explain(issue: { code: string; message: string; path: PropertyKey[]; expected?: unknown; minimum?: unknown; maximum?: unknown }): string {
  if (HAN.test(issue.message)) return issue.message;
  const where = describePath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return `${where} 的类型不对：应为${TYPE_NAMES[String(issue.expected)] ?? String(issue.expected)}。`;
    case 'too_small':
      return `${where} 太短：至少 ${String(issue.minimum)} 个字（或项）。`;
    case 'too_big':
      return `${where} 太长：最多 ${String(issue.maximum)} 个字（或项）。`;
    default:
      return `${where} 不符合要求：${issue.message}。`;
  }
}

/** Schema errors of one article; `skipFields` are top-level fields already reported by another rule. */
export function schemaProblems(article: LintArticle, schema: Schema, skipFields: ReadonlySet<string> = new Set()): Problem[] {
  const result = schema.safeParse(article.data);
  if (result.success) return [];
  return result.error.issues
    .filter((issue) => !skipFields.has(String(issue.path[0])))
    .map((issue) => {
      const path = issue.code === 'unrecognized_keys' ? [(issue as { keys: string[] }).keys[0]!] : issue.path;
      return {
        file: article.file,
        line: lineOfPath(article, path),
        rule: 'schema',
        severity: 'error' as const,
        message: explain(issue as Parameters<typeof explain>[0]),
      };
    });
}
