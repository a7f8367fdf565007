/** Splitting an MDX source into its YAML frontmatter text and body, with line numbers. */
import YAML from 'yaml';

export interface SplitSource {
  /** The YAML between the two `---` lines. */
  yaml: string;
  body: string;
  /** 1-based line number in the file where the body starts. */
  bodyStartLine: number;
}

/** Returns undefined when the file does not open with a closed `---` frontmatter block. */
export function splitFrontmatter(source: string): SplitSource | undefined {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const match = text.match(/^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/);
  if (!match) return undefined;
  const yaml = match[1]!;
  return {
    yaml,
    body: text.slice(match[0].length),
    bodyStartLine: yaml.split('\n').length + 3,
  };
}

/**
 * The body Astro's MDX integration gives a collection entry: the text after the
 * frontmatter, trimmed (tests/unit/article-loader.test.ts compares the two on every article).
 */
export function entryBody(source: string): string {
  return (splitFrontmatter(source)?.body ?? source).trim();
}

/**
 * Some top-level fields of a frontmatter block, without parsing the rest of it: the
 * sitemap needs every article's slug and dates, and parsing each article's whole YAML
 * again for them took 3.5 s of a 10,000-article build. Only single-line values are read
 * (these fields never span lines); a field that is missing, or whose lines are not valid
 * YAML, is left out, and the content checks report the file.
 */
export function topLevelFields(yaml: string, keys: readonly string[]): Record<string, unknown> {
  const lines = keys.flatMap((key) => yaml.match(new RegExp(`^${key}:[^\\n]*$`, 'm')) ?? []);
  try {
    const fields = YAML.parse(lines.join('\n')) as unknown;
    return fields && typeof fields === 'object' ? (fields as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
