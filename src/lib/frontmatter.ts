/** Splitting an MDX source into its YAML frontmatter text and body, with line numbers. */

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
