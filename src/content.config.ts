/**
 * The content model: the one source of truth for article frontmatter.
 * Errors here stop the build with the file, the field and what is allowed.
 */
import { readFileSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import YAML from 'yaml';
import { contentDir } from './lib/content-dir.ts';
import { parseDay } from './lib/dates.ts';
import { SLUG_PATTERN } from './lib/slug.ts';

interface CategoryData {
  slug: string;
  name: string;
  description: string;
  order: number;
}

const categoryFile = `${contentDir}/categories.yaml`;
const categoryList = YAML.parse(readFileSync(categoryFile, 'utf8')) as CategoryData[];
const categorySlugs = categoryList.map((c) => c.slug);
if (categorySlugs.length === 0) throw new Error(`${categoryFile}: 至少需要一个分类。`);

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

const articles = defineCollection({
  loader: glob({
    pattern: '**/*.mdx',
    base: `./${contentDir}/articles`,
    // The URL slug is explicit in frontmatter so that renaming a file never changes a URL.
    generateId: ({ entry, data }) => (typeof data.slug === 'string' ? data.slug : entry.replace(/\.mdx$/, '')),
  }),
  schema: z
    .object({
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
    })
    .strict()
    .refine((a) => !a.updatedAt || a.updatedAt >= a.publishedAt, {
      path: ['updatedAt'],
      message: 'updatedAt 不能早于 publishedAt。',
    })
    .refine((a) => a.publishedAt.getTime() <= Date.now() + 86_400_000, {
      path: ['publishedAt'],
      message: 'publishedAt 不能是将来的日期。',
    }),
});

const categories = defineCollection({
  loader: file(categoryFile, {
    parser: (text) => (YAML.parse(text) as CategoryData[]).map((c) => ({ id: c.slug, ...c })),
  }),
  schema: z.object({
    slug: z.string().regex(SLUG_PATTERN),
    name: z.string().min(1),
    description: z.string().min(1),
    order: z.number().int(),
  }),
});

/** The planned reading order inside each category (content/plan.yaml). */
const plan = defineCollection({
  loader: file(`${contentDir}/plan.yaml`, {
    parser: (text) =>
      ((YAML.parse(text)?.articles ?? []) as { slug: string; title: string; category: string }[]).map((a, position) => ({
        id: a.slug,
        ...a,
        position,
      })),
  }),
  schema: z.object({ title: z.string(), slug: z.string(), category: z.string(), angle: z.string().optional(), position: z.number() }),
});

export const collections = { articles, categories, plan };
