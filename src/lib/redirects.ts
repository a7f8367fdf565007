/**
 * Redirects that survive renames. content/redirects.yaml maps an article's old slug to its
 * new one; the build checks the file and turns it into Astro `redirects` (static pages
 * for any host), a `_redirects` file (Netlify, Cloudflare Pages: real 301s) and an nginx
 * snippet (deploy/nginx-redirects.conf).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML, { isMap, isScalar, LineCounter } from 'yaml';
import type { Problem } from './content-checks.ts';
import { articlePath, SLUG_PATTERN } from './slug.ts';

export interface Redirect {
  from: string;
  to: string;
  /** 1-based line in the redirects file. */
  line: number;
}

export const redirectsFile = (contentDir: string) => join(contentDir, 'redirects.yaml');

const problem = (file: string, line: number, rule: string, message: string): Problem => ({ file, line, rule, message, severity: 'error' });

/** Reads `old-slug: new-slug` pairs; a missing or empty file means no redirects. */
export function parseRedirects(source: string, file: string): { redirects: Redirect[]; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(source, { lineCounter, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const duplicate = /Map keys must be unique/.test(error.message);
    return {
      redirects: [],
      problems: [
        problem(
          file,
          error.linePos?.[0]?.line ?? lineOf(error.pos[0]),
          duplicate ? 'redirect-duplicate' : 'redirect-yaml',
          duplicate
            ? '同一个旧 slug 出现了两次：每个旧网址只能跳到一个新网址，请删掉其中一行。'
            : `不是合法的 YAML：${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}。每行写成“旧slug: 新slug”。`,
        ),
      ],
    };
  }
  if (doc.contents === null) return { redirects: [], problems: [] };
  if (!isMap(doc.contents)) {
    return { redirects: [], problems: [problem(file, lineOf(doc.contents.range?.[0]), 'redirect-format', '应当是“旧slug: 新slug”的列表，每行一条，例如 old-lease-guide: phone-leasing-explained。')] };
  }
  const redirects: Redirect[] = [];
  const problems: Problem[] = [];
  for (const pair of doc.contents.items) {
    const line = lineOf(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    const from = isScalar(pair.key) ? String(pair.key.value ?? '') : '';
    const to = isScalar(pair.value) ? String(pair.value.value ?? '') : '';
    if (!from || !to) {
      problems.push(problem(file, line, 'redirect-format', `“${from}” 后面要写新的 slug，例如 ${from || 'old-slug'}: new-slug。`));
      continue;
    }
    redirects.push({ from, to, line });
  }
  return { redirects, problems };
}

/**
 * What is wrong with a set of redirects, given the slugs of the published articles: each
 * old slug is a valid slug no article uses, each target exists, and no target is itself
 * redirected (chains and loops), so every old URL reaches its page in one 301.
 */
export function redirectProblems(redirects: readonly Redirect[], file: string, articleSlugs: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const targets = new Map(redirects.map((r) => [r.from, r.to]));
  for (const r of redirects) {
    if (!SLUG_PATTERN.test(r.from)) {
      problems.push(problem(file, r.line, 'redirect-slug', `旧 slug “${r.from}”不是合法的 slug：只用小写字母、数字和单个连字符（不要写 /articles/ 或完整网址）。`));
    }
    if (!SLUG_PATTERN.test(r.to)) {
      problems.push(problem(file, r.line, 'redirect-slug', `新 slug “${r.to}”不是合法的 slug：只写文章 frontmatter 里的 slug，不要写 /articles/ 或完整网址。`));
      continue;
    }
    if (r.from === r.to) {
      problems.push(problem(file, r.line, 'redirect-loop', `“${r.from}”跳到自己：删掉这一行。`));
      continue;
    }
    if (articleSlugs.has(r.from)) {
      problems.push(problem(file, r.line, 'redirect-shadows-article', `旧 slug “${r.from}”仍是一篇已发布文章的网址，跳转会让它无法访问：删掉这一行，或先给那篇文章换 slug。`));
    }
    if (targets.has(r.to)) {
      // Follow the chain to name the final target (or the loop) in the message.
      const seen = [r.from, r.to];
      let next = targets.get(r.to);
      while (next !== undefined && !seen.includes(next)) {
        seen.push(next);
        next = targets.get(next);
      }
      problems.push(
        next !== undefined
          ? problem(file, r.line, 'redirect-loop', `跳转形成了循环：${[...seen, next].join(' → ')}。请让每个旧 slug 直接指向现在存在的文章。`)
          : problem(file, r.line, 'redirect-chain', `跳转链 ${seen.join(' → ')}：请把“${r.from}”直接指向“${seen.at(-1)}”，一次跳到位。`),
      );
      continue;
    }
    if (!articleSlugs.has(r.to)) {
      problems.push(problem(file, r.line, 'redirect-target', `目标“${r.to}”不是任何已发布文章的 slug：检查拼写（看文章 frontmatter 的 slug），或删掉这一行。`));
    }
  }
  return problems;
}

/** Reads and checks content/redirects.yaml against the published article slugs. */
/**
 * `articleSlugs` may be a function: it is then called only when there are redirects to
 * check (listing the slugs reads every article, seconds on a large site).
 */
export function loadRedirects(contentDir: string, articleSlugs: ReadonlySet<string> | (() => ReadonlySet<string>)): { redirects: Redirect[]; problems: Problem[] } {
  const file = redirectsFile(contentDir);
  if (!existsSync(file)) return { redirects: [], problems: [] };
  const parsed = parseRedirects(readFileSync(file, 'utf8'), file);
  if (parsed.redirects.length === 0) return { redirects: [], problems: parsed.problems };
  const slugs = typeof articleSlugs === 'function' ? articleSlugs() : articleSlugs;
  return { redirects: parsed.redirects, problems: [...parsed.problems, ...redirectProblems(parsed.redirects, file, slugs)] };
}

/** Astro's `redirects` option: the static build writes a page per old URL. */
export function astroRedirects(redirects: readonly Redirect[]): Record<string, { status: 301; destination: string }> {
  return Object.fromEntries(redirects.map((r) => [articlePath(r.from), { status: 301 as const, destination: articlePath(r.to) }]));
}

const GENERATED = '由 content/redirects.yaml 在构建时生成，不要手改。';

/**
 * Netlify / Cloudflare Pages `_redirects`: both spellings of each old URL, since the hosts
 * match paths literally. Plain `301`, not Netlify's forcing `301!`: Cloudflare rejects
 * any status but a bare number and would silently drop the rule. Cloudflare applies the
 * rules before static files; Netlify serves the static redirect page Astro left at the
 * old path instead (a meta refresh with a canonical link to the new page).
 */
export function netlifyRedirects(redirects: readonly Redirect[]): string {
  const lines = redirects.flatMap((r) => {
    const from = articlePath(r.from);
    return [`${from} ${articlePath(r.to)} 301`, `${from.slice(0, -1)} ${articlePath(r.to)} 301`];
  });
  return [`# ${GENERATED}`, ...lines, ''].join('\n');
}

/** nginx: `include deploy/nginx-redirects.conf;` inside the site's `server { }` block. */
export function nginxRedirects(redirects: readonly Redirect[]): string {
  const lines = redirects.flatMap((r) => {
    const from = articlePath(r.from);
    return [`location = ${from} { return 301 ${articlePath(r.to)}; }`, `location = ${from.slice(0, -1)} { return 301 ${articlePath(r.to)}; }`];
  });
  return [`# ${GENERATED}`, '# 用法：在站点的 server { } 里写 include /path/to/nginx-redirects.conf;', ...lines, ''].join('\n');
}
