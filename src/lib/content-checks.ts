/**
 * Checks across all article sources that the per-file schema cannot make: frontmatter
 * that does not parse, duplicate slugs and titles, links to missing articles or
 * headings. Each problem names the file, the line, the rule and the fix.
 */
import GithubSlugger from 'github-slugger';
import YAML from 'yaml';
import { articleLinks } from './article-text.ts';
import { parseDay } from './dates.ts';
import { splitFrontmatter } from './frontmatter.ts';

export interface SourceFile {
  /** Path as shown to editors, e.g. content/articles/x.mdx. */
  file: string;
  source: string;
}

export interface Problem {
  file: string;
  line: number;
  /** 1-based column, when known (MDX syntax errors). */
  column?: number;
  rule: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface ParsedArticle {
  file: string;
  data: Record<string, unknown>;
  body: string;
  bodyStartLine: number;
  /** 1-based line of each top-level frontmatter key. */
  fieldLines: Map<string, number>;
}

/** Heading ids as the Markdown processor makes them (GitHub's slug algorithm, per page). */
export function headingIds(body: string): Set<string> {
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  const withoutCode = body.replace(/```[\s\S]*?```/g, '');
  for (const m of withoutCode.matchAll(/^#{1,6}[ \t]+(.+?)[ \t]*#*$/gm)) {
    const text = m[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '');
    ids.add(slugger.slug(text));
  }
  return ids;
}

/** Parses one source; a problem instead when its frontmatter is missing or is not YAML. */
export function parseArticle({ file, source }: SourceFile): ParsedArticle | Problem {
  const split = splitFrontmatter(source);
  if (!split) {
    return {
      file,
      line: 1,
      rule: 'frontmatter',
      severity: 'error',
      message: '文件必须以一行 --- 开头、再用一行 --- 结束 frontmatter（标题、分类等信息）。请检查开头和结尾的 --- 是否都在。',
    };
  }
  const doc = YAML.parseDocument(split.yaml, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    // linePos is 1-based inside the YAML, which starts on the file's second line.
    const line = (error.linePos?.[0]?.line ?? 0) + 1;
    return {
      file,
      line,
      rule: 'frontmatter-yaml',
      severity: 'error',
      message: `frontmatter 不是合法的 YAML：${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}。含冒号、引号的值请整体用双引号括起来。`,
    };
  }
  const data = doc.toJSON() as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { file, line: 2, rule: 'frontmatter', severity: 'error', message: 'frontmatter 应该是“字段: 值”的列表，例如 title: "……"。' };
  }
  const fieldLines = new Map<string, number>();
  split.yaml.split('\n').forEach((text, index) => {
    const key = text.match(/^([A-Za-z_][\w-]*):/)?.[1];
    if (key && !fieldLines.has(key)) fieldLines.set(key, index + 2);
  });
  return { file, data, body: split.body, bodyStartLine: split.bodyStartLine, fieldLines };
}

export const isProblem = (x: ParsedArticle | Problem): x is Problem => 'rule' in x;

const DATE_FIELDS = ['publishedAt', 'updatedAt', 'reviewedAt'] as const;

/**
 * Dates that do not name a real day. Checked on the YAML text because a YAML date such as
 * 2026-02-30 would otherwise silently roll over to 2026-03-02.
 */
export function dateProblems(article: ParsedArticle): Problem[] {
  return DATE_FIELDS.flatMap((field) => {
    const value = article.data[field];
    if (value === undefined || parseDay(String(value))) return [];
    return [
      {
        file: article.file,
        line: article.fieldLines.get(field) ?? 1,
        rule: 'invalid-date',
        severity: 'error' as const,
        message: `${field} 的值 ${String(value)} 不是真实存在的日期。请写成 YYYY-MM-DD，例如 2026-11-27。`,
      },
    ];
  });
}

/** Duplicate slugs and titles, links to missing articles and missing #anchors. */
export function crossArticleProblems(articles: readonly ParsedArticle[]): Problem[] {
  const problems: Problem[] = [];
  const bySlug = new Map<string, ParsedArticle>();
  const byTitle = new Map<string, ParsedArticle>();
  for (const article of articles) {
    const slug = article.data.slug;
    const title = article.data.title;
    if (typeof slug === 'string') {
      const first = bySlug.get(slug);
      if (first) {
        problems.push({
          file: article.file,
          line: article.fieldLines.get('slug') ?? 1,
          rule: 'duplicate-slug',
          severity: 'error',
          message: `slug “${slug}” 已被 ${first.file} 使用。每篇文章的 slug 必须唯一：换一个，例如 ${slug}-2 或更具体的词。`,
        });
      } else bySlug.set(slug, article);
    }
    if (typeof title === 'string') {
      const first = byTitle.get(title);
      if (first) {
        problems.push({
          file: article.file,
          line: article.fieldLines.get('title') ?? 1,
          rule: 'duplicate-title',
          severity: 'error',
          message: `标题“${title}”和 ${first.file} 重复。两篇文章不能同名：合并它们，或把标题改得更具体。`,
        });
      } else byTitle.set(title, article);
    }
  }
  const anchorsBySlug = new Map([...bySlug].map(([slug, a]) => [slug, headingIds(a.body)]));
  for (const article of articles) {
    for (const link of articleLinks(article.body)) {
      const line = article.bodyStartLine + link.line - 1;
      const anchors = anchorsBySlug.get(link.slug);
      if (!anchors) {
        problems.push({
          file: article.file,
          line,
          rule: 'broken-link',
          severity: 'error',
          message: `链接 /articles/${link.slug}/ 指向不存在的文章。请检查 slug 拼写（见目标文章 frontmatter 的 slug），或删除这个链接。`,
        });
      } else if (link.anchor && !anchors.has(link.anchor) && !['faq-heading', 'related-heading'].includes(link.anchor)) {
        problems.push({
          file: article.file,
          line,
          rule: 'broken-anchor',
          severity: 'error',
          message: `链接 /articles/${link.slug}/#${link.anchor} 中的 #${link.anchor} 不是目标文章里的小标题。请改成目标文章现有小标题的写法，或去掉 # 部分。`,
        });
      }
    }
  }
  return problems;
}

/** `file:line[:column]  [rule]  message`, the one format every content message uses. */
export const formatProblem = (p: Problem) => `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}  ${p.severity === 'error' ? '错误' : '提醒'} [${p.rule}]  ${p.message}`;
