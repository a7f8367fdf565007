/**
 * MDX syntax, checked with satteri: the same Markdown/MDX parser Astro 7 uses to build the
 * site, so an article that parses here parses in the build. Returns the tree (for the
 * component checks) or a problem with the file's line.
 */
import { mdxToMdast } from 'satteri';
import type { Problem } from '../content-checks.ts';
import { componentProblems, type MdxNode } from './components.ts';

/** Common MDX mistakes, explained for editors. */
const HINTS: [RegExp, string][] = [
  [/expression|brace|acorn/i, '正文里的 { 和 } 在 MDX 里表示代码。要显示花括号，请写成 \\{ 和 \\}，或换成中文括号（）。'],
  [/closing tag|open tag|corresponding closing tag/i, '组件标签要成对出现，例如 <Callout> 和 </Callout>，或写成自闭合的 <… />；标签名区分大小写。'],
  [/character|tag/i, '正文里的 < 在 MDX 里表示组件标签。要显示小于号，请写成 \\<、“小于”，或在 < 后面加空格。'],
];

export function parseMdx(file: string, source: string): { tree: MdxNode } | { problem: Problem } {
  try {
    return { tree: mdxToMdast(source) as unknown as MdxNode };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const match = raw.match(/^(\d+):(\d+):\s*(.*)$/s);
    const detail = (match?.[3] ?? raw).replace(/\s*\([\w:-]+\)\s*$/, '').trim();
    const hint = HINTS.find(([pattern]) => pattern.test(detail))?.[1] ?? '请检查这一行的 < > { } 和组件标签。';
    return {
      problem: {
        file,
        line: match ? Number(match[1]) : 1,
        ...(match ? { column: Number(match[2]) } : {}),
        rule: 'mdx-syntax',
        severity: 'error',
        message: `MDX 语法错误：${detail}。${hint}`,
      },
    };
  }
}

/** Syntax and component problems of one article (also run by the build before Astro). */
export function mdxProblems(article: { file: string; source: string }): Problem[] {
  const parsed = parseMdx(article.file, article.source);
  return 'problem' in parsed ? [parsed.problem] : componentProblems(article.file, parsed.tree);
}
