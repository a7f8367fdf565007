/** The real articles and plan, read from content/ the way the build reads them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { isProblem, parseArticle, type ParsedArticle } from '../../src/lib/content-checks.ts';

export interface PlannedArticle {
  title: string;
  slug: string;
  category: string;
  angle: string;
}

export function readArticles(dir = 'content/articles'): ParsedArticle[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const parsed = parseArticle({ file, source: readFileSync(file, 'utf8') });
      if (isProblem(parsed)) throw new Error(`${parsed.file}:${parsed.line} ${parsed.message}`);
      return parsed;
    });
}

export function readPlan(file = 'content/plan.yaml'): PlannedArticle[] {
  return YAML.parse(readFileSync(file, 'utf8')).articles;
}
