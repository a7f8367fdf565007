/**
 * The article frontmatter schema: ONE definition shared by the content collection
 * (src/content.config.ts, so the build and `npm run dev` enforce it) and the editors'
 * linter (src/lib/lint/, so `npm run lint:content` reports the same errors with line
 * numbers). Messages are for editors: the field, what is allowed, an example.
 */
import { z } from 'astro/zod';
import { parseDay } from './dates.ts';
import { SLUG_PATTERN } from './slug.ts';

/**
 * Marks text that `npm run new` writes for the editor to replace. The linter rejects any
 * article that still contains it, and the schema rejects a published (non-draft) article
 * whose description still contains it.
 */
export const PLACEHOLDER_MARK = '待填写';

/** The frontmatter fields in the order editors write them (also the order `npm run new` uses). */
export const ARTICLE_FIELDS = ['title', 'slug', 'description', 'category', 'publishedAt', 'updatedAt', 'reviewedAt', 'tags', 'faq', 'draft'] as const;

const day = (field: string) =>
  z.unknown().transform((value, ctx) => {
    const date = parseDay(value);
    if (!date) {
      ctx.addIssue({
        code: 'custom',
        message: `${field} 必须是真实存在的日期，写成 YYYY-MM-DD（例如 2026-11-27），现在是 ${JSON.stringify(value)}。`,
      });
      return z.NEVER;
    }
    return date;
  });

/**
 * @param categorySlugs the slugs in content/categories.yaml
 * @param categoryFile where they come from, named in the message for a wrong category
 * @param now the current time in ms, for "not in the future" (a parameter so tests can pin it)
 */
export function articleSchema(categorySlugs: readonly string[], categoryFile: string, now: () => number = Date.now) {
  return z
    .strictObject(
      {
        title: z.string({ error: 'title 必填：文章标题（字符串）。' }).trim().min(2, 'title 至少 2 个字。').max(64, 'title 不超过 64 个字。'),
        slug: z
          .string({ error: 'slug 必填：文章网址 /articles/<slug>/，只用小写字母、数字和连字符。' })
          .regex(SLUG_PATTERN, 'slug 只能用小写英文字母、数字和单个连字符，例如 installment-eligibility。'),
        description: z
          .string({ error: 'description 必填：一两句话回答标题的问题（50–120 字）。' })
          .trim()
          .min(20, 'description 太短：写一两句话回答标题的问题（建议 50–120 字）。')
          .max(160, 'description 太长：不超过 160 字（建议 50–120 字）。'),
        category: z.enum(categorySlugs as [string, ...string[]], {
          error: `category 必须是 ${categoryFile} 里的分类之一：${categorySlugs.join('、')}。`,
        }),
        publishedAt: day('publishedAt'),
        updatedAt: day('updatedAt').optional(),
        /** The day an editor last checked the facts; shown to readers as 最后核实. */
        reviewedAt: day('reviewedAt').optional(),
        tags: z.array(z.string().trim().min(1), { error: 'tags 必须是字符串列表，例如 ["分期购机", "征信"]。' }).default([]),
        faq: z
          .array(
            z.object({
              question: z.string({ error: 'faq 每一项都要有 question（问题）。' }).trim().min(2),
              answer: z.string({ error: 'faq 每一项都要有 answer（回答）。' }).trim().min(2),
            }),
            { error: 'faq 必须是列表，每项含 question 和 answer。' },
          )
          .default([]),
        draft: z.boolean({ error: 'draft 只能是 true 或 false。' }).default(false),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `frontmatter 里有不认识的字段：${issue.keys.join('、')}。可用的字段：${ARTICLE_FIELDS.join('、')}；请检查拼写（区分大小写）或删掉它。`
            : undefined,
      },
    )
    .refine((a) => !a.updatedAt || a.updatedAt >= a.publishedAt, {
      path: ['updatedAt'],
      message: 'updatedAt 不能早于 publishedAt。',
    })
    .refine((a) => a.publishedAt.getTime() <= now() + 86_400_000, {
      path: ['publishedAt'],
      message: 'publishedAt 不能是将来的日期。',
    })
    .refine((a) => a.draft || !a.description.includes(PLACEHOLDER_MARK), {
      path: ['description'],
      message: `description 还是 npm run new 写的占位文字（含“${PLACEHOLDER_MARK}”）：发布前请换成一两句直接回答标题问题的话。`,
    });
}

export type ArticleData = z.output<ReturnType<typeof articleSchema>>;
