/**
 * The content guide's shape rules (src/lib/article-rules.ts) per article, with a line and
 * a fix: body length, number of ## sections, FAQ items, description length, links to
 * other articles. Errors for published articles, warnings for drafts (work in progress).
 */
import { measureArticle, RULES } from '../article-rules.ts';
import type { Problem } from '../content-checks.ts';
import type { LintArticle } from './article.ts';

export function shapeProblems(article: LintArticle): Problem[] {
  const { data } = article;
  const slug = typeof data.slug === 'string' ? data.slug : '';
  const description = typeof data.description === 'string' ? data.description.trim() : '';
  const faq = Array.isArray(data.faq) ? data.faq.length : 0;
  const m = measureArticle(slug, article.body, description, faq);
  const severity = data.draft === true ? ('warning' as const) : ('error' as const);
  const problems: Problem[] = [];
  const add = (rule: string, line: number, message: string) => problems.push({ file: article.file, line, rule, severity, message });
  const field = (name: string) => article.fieldLines.get(name) ?? 1;

  const d = RULES.descriptionChars;
  if (typeof data.description === 'string' && (m.descriptionChars < d.min || m.descriptionChars > d.max))
    add('description-length', field('description'), `description 有 ${m.descriptionChars} 个字，应为 ${d.min}–${d.max} 个字：一两句话直接回答标题的问题，不换行。它会显示在搜索结果和分享卡片里。`);
  const b = RULES.bodyHanChars;
  if (m.bodyHanChars < b.min || m.bodyHanChars > b.max)
    add('body-length', article.bodyStartLine, `正文有 ${m.bodyHanChars} 个汉字，应为 ${b.min}–${b.max} 个。${m.bodyHanChars < b.min ? '请补充示例计算、步骤或注意事项。' : '请拆成两篇，或删去重复的内容并链接到相关文章。'}`);
  const s = RULES.sections;
  if (m.sections < s.min || m.sections > s.max)
    add('sections', article.bodyStartLine, `正文有 ${m.sections} 个 ## 小节，应为 ${s.min}–${s.max} 个。小节标题写成单独一行：## 小标题。`);
  const f = RULES.faqItems;
  if (m.faqItems < f.min || m.faqItems > f.max)
    add('faq-count', field('faq'), `faq 有 ${m.faqItems} 条，应为 ${f.min}–${f.max} 条，每条含 question 和 answer。`);
  const l = RULES.distinctArticleLinks;
  if (m.distinctArticleLinks < l.min)
    add('article-links', article.bodyStartLine, `正文只链接了 ${m.distinctArticleLinks} 篇其他文章，至少要 ${l.min} 篇：在真正有帮助的地方写 [文字](/articles/<slug>/)。`);
  return problems;
}
