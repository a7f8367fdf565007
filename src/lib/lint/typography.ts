/**
 * Chinese copywriting rules through AutoCorrect (autocorrect-node): spaces between Chinese
 * and Latin letters or digits, full-width punctuation in Chinese sentences, and the
 * spelling of proper nouns listed in .autocorrectrc. The body is checked as Markdown
 * (AutoCorrect leaves code, link targets and JSX tags alone); in the frontmatter only the
 * reader-visible string values are checked and fixed, so keys, slugs, categories and
 * dates can never be changed by --fix.
 */
import autocorrect from 'autocorrect-node';
import YAML from 'yaml';
import type { Problem } from '../content-checks.ts';
import { yamlOffsetLine, type LintArticle } from './article.ts';

/** Frontmatter fields whose string values readers see. */
const TEXT_FIELDS = new Set(['title', 'description', 'tags', 'faq']);

/** Loads AutoCorrect's configuration (.autocorrectrc, YAML or JSON); call once before linting. */
export function useAutocorrectConfig(configText: string) {
  autocorrect.loadConfig(JSON.stringify(YAML.parse(configText) ?? {}));
}

interface TextValue {
  field: string;
  node: YAML.Scalar;
  value: string;
}

function textValues(article: LintArticle): TextValue[] {
  const out: TextValue[] = [];
  const root = article.doc.contents;
  if (!YAML.isMap(root)) return out;
  for (const pair of root.items) {
    const field = YAML.isScalar(pair.key) ? String(pair.key.value) : '';
    if (!TEXT_FIELDS.has(field) || !pair.value) continue;
    if (YAML.isScalar(pair.value)) {
      if (typeof pair.value.value === 'string') out.push({ field, node: pair.value, value: pair.value.value });
      continue;
    }
    YAML.visit(pair.value as YAML.Node, {
      Scalar(key, node) {
        if (key !== 'key' && typeof node.value === 'string') out.push({ field, node, value: node.value });
      },
    });
  }
  return out;
}

/** The part of a line that changes, with a little context: “…首付1000元…”. */
function changedPart(before: string, after: string): [string, string] {
  const a = [...before];
  const b = [...after];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const from = Math.max(0, start - 6);
  const cut = (chars: string[], end: number) =>
    `${from > 0 ? '…' : ''}${chars.slice(from, Math.min(chars.length, end + 6)).join('')}${end + 6 < chars.length ? '…' : ''}`;
  return [cut(a, endA), cut(b, endB)];
}

function kindOf(before: string, after: string): string {
  if (before.replace(/\s+/g, '') === after.replace(/\s+/g, '')) return '中文与英文、数字之间要加空格';
  if (before.toLowerCase() === after.toLowerCase()) return '专有名词的写法（如 iPhone、App）';
  return '中文句子里用全角标点（，。：；？！），中英文之间加空格';
}

/** A line that holds only a component's opening or closing tag: <Callout type="警告">, </Steps>, <Foo /> */
const TAG_LINE = /^\s*<\/?[A-Z][\w.]*(?:\s[^<>]*)?\/?>\s*$/;

/**
 * AutoCorrect reads everything between an HTML-looking tag and its end as raw HTML, so it
 * would mis-handle Markdown inside <Callout>…</Callout> (it adds spaces around links).
 * Blanking the tag lines lets it see that content as the Markdown it is; line numbers stay.
 */
function maskTags(body: string): { masked: string; tags: Map<number, string> } {
  const tags = new Map<number, string>();
  const lines = body.split('\n').map((line, index) => {
    if (!TAG_LINE.test(line)) return line;
    tags.set(index, line);
    return '';
  });
  return { masked: lines.join('\n'), tags };
}

function unmaskTags(body: string, tags: Map<number, string>): string {
  return body
    .split('\n')
    .map((line, index) => tags.get(index) ?? line)
    .join('\n');
}

function problem(article: LintArticle, line: number, before: string, after: string): Problem {
  const [was, should] = changedPart(before, after);
  return {
    file: article.file,
    line,
    rule: 'typography',
    severity: 'error',
    message: `排版：${kindOf(before, after)}。“${was}”应为“${should}”。运行 npm run lint:content -- --fix 可自动修正。`,
  };
}

/**
 * Typography problems of one article. `skipTitle` exempts the title (titles planned in
 * content/plan.yaml must stay exactly as planned).
 */
export function typographyProblems(article: LintArticle, { skipTitle = false } = {}): Problem[] {
  const problems: Problem[] = [];
  for (const { field, node, value } of textValues(article)) {
    if (skipTitle && field === 'title') continue;
    const fixed = autocorrect.format(value);
    if (fixed !== value) problems.push(problem(article, yamlOffsetLine(article, node.range?.[0] ?? 0), value, fixed));
  }
  const result = autocorrect.lintFor(maskTags(article.body).masked, 'article.md');
  for (const l of result.lines) problems.push(problem(article, article.bodyStartLine + l.l - 1, l.old, l.new));
  return problems;
}

/**
 * The article's source with every typography fix applied: the body reformatted by
 * AutoCorrect, and each frontmatter text value rewritten as a double-quoted YAML string.
 * Keys, other fields, comments and layout of the frontmatter are kept byte for byte.
 */
export function fixTypography(article: LintArticle, { skipTitle = false } = {}): string {
  let yaml = article.yaml;
  const edits = textValues(article)
    .filter((t) => !(skipTitle && t.field === 'title'))
    .map((t) => ({ ...t, fixed: autocorrect.format(t.value) }))
    .filter((t) => t.fixed !== t.value && t.node.range && ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'].includes(String(t.node.type)))
    .sort((x, y) => y.node.range![0] - x.node.range![0]);
  // JSON strings are valid YAML double-quoted scalars.
  for (const e of edits) yaml = yaml.slice(0, e.node.range![0]) + JSON.stringify(e.fixed) + yaml.slice(e.node.range![1]);
  const { masked, tags } = maskTags(article.body);
  const formatted = autocorrect.formatFor(masked, 'article.md');
  // AutoCorrect changes text within lines only; if a line count ever changed, keep the body as it was.
  const body = formatted.split('\n').length === masked.split('\n').length ? unmaskTags(formatted, tags) : article.body;
  return `---\n${yaml}\n---\n${body}`;
}
