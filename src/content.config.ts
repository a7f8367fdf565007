/**
 * The content model. The article frontmatter schema itself lives in src/lib/schema.ts so
 * that the editors' linter (npm run lint:content) checks exactly the same rules.
 * Errors here stop the build with the file, the field and what is allowed.
 */
import { readFileSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { z } from 'astro/zod';
import YAML from 'yaml';
import { articleLoader } from './lib/article-loader.ts';
import { contentDir } from './lib/content-dir.ts';
import { articleSchema } from './lib/schema.ts';
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

const articles = defineCollection({
  // Articles that use components compile as MDX; plain-Markdown ones get no JS module and
  // the article page renders their body (src/lib/article-loader.ts). The id is the
  // frontmatter slug, so renaming a file never changes a URL. ARTICLES_ALL_MDX=1 compiles
  // every article as MDX, to compare or debug.
  loader: articleLoader({ base: `${contentDir}/articles`, allMdx: process.env.ARTICLES_ALL_MDX === '1' }),
  schema: articleSchema(categorySlugs, categoryFile),
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
