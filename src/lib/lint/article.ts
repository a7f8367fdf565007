/**
 * An article source prepared for linting: the parsed frontmatter (with its YAML document,
 * to find the line of any field, even `faq[2].answer`) and the body.
 */
import YAML from 'yaml';
import { isProblem, parseArticle, type ParsedArticle, type Problem, type SourceFile } from '../content-checks.ts';
import { splitFrontmatter } from '../frontmatter.ts';

export interface LintArticle extends ParsedArticle {
  /** The whole file with BOM removed and \n line ends. */
  source: string;
  /** The YAML text between the two `---` lines (file line 2 onwards). */
  yaml: string;
  doc: YAML.Document;
  lineCounter: YAML.LineCounter;
}

export function loadArticle(file: SourceFile): LintArticle | Problem {
  const parsed = parseArticle(file);
  if (isProblem(parsed)) return parsed;
  const split = splitFrontmatter(file.source)!;
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(split.yaml, { lineCounter });
  return { ...parsed, source: file.source.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'), yaml: split.yaml, doc, lineCounter };
}

/** File line (1-based) of the frontmatter YAML at `offset` within the YAML text. */
export const yamlOffsetLine = (article: LintArticle, offset: number) => article.lineCounter.linePos(offset).line + 1;

/**
 * File line of a frontmatter path such as ['faq', 2, 'answer']: the deepest node that
 * exists, else the top-level field's line, else line 1.
 */
export function lineOfPath(article: LintArticle, path: readonly PropertyKey[]): number {
  for (let depth = path.length; depth > 0; depth--) {
    const node = article.doc.getIn(path.slice(0, depth) as (string | number)[], true) as YAML.Node | undefined;
    if (node && YAML.isNode(node) && node.range) return yamlOffsetLine(article, node.range[0]);
  }
  return article.fieldLines.get(String(path[0])) ?? 1;
}

/** `faq[2].answer` → “faq 第 3 项的 answer”, for messages. */
export function describePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += ` 第 ${key + 1} 项`;
    else out += out ? `的 ${String(key)}` : String(key);
  }
  return out || 'frontmatter';
}
