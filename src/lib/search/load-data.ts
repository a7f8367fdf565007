/**
 * Reads content/search/*.yaml for the build. Missing files mean "no data" (a content
 * folder without search data still builds); malformed ones stop the build with the file,
 * the line and the fix.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../content-checks.ts';
import { parseAliases, parseFeatured, parseSynonyms, SearchDataError, type Synonyms } from './data-files.ts';
import { lexiconOf, type Lexicon } from './segment.ts';

export interface SearchData {
  synonyms: Synonyms;
  aliases: Map<string, string[]>;
  featured: string[];
}

export function loadSearchData(contentDir: string, knownSlugs: ReadonlySet<string>): SearchData {
  const read = (name: string) => {
    const file = join(contentDir, 'search', name);
    return existsSync(file) ? { file, text: readFileSync(file, 'utf8') } : undefined;
  };
  const synonyms = read('synonyms.yaml');
  const aliases = read('aliases.yaml');
  const featured = read('featured.yaml');
  return {
    synonyms: synonyms ? parseSynonyms(synonyms.file, synonyms.text) : { groups: [], corrections: [] },
    aliases: aliases ? parseAliases(aliases.file, aliases.text, knownSlugs) : new Map(),
    featured: featured ? parseFeatured(featured.file, featured.text, knownSlugs) : [],
  };
}

/**
 * The words the full-text index keeps whole: the synonym groups, which the browser also
 * receives in /search/suggest.json and cuts its queries with.
 */
export function searchLexicon(contentDir: string): Lexicon {
  const file = join(contentDir, 'search', 'synonyms.yaml');
  return lexiconOf(existsSync(file) ? parseSynonyms(file, readFileSync(file, 'utf8')).groups.flat() : []);
}

/** The same checks as a content problem list, for the build's first step. */
export function searchDataProblems(contentDir: string, knownSlugs: ReadonlySet<string>): Problem[] {
  try {
    loadSearchData(contentDir, knownSlugs);
    return [];
  } catch (error) {
    if (!(error instanceof SearchDataError)) throw error;
    return [{ file: error.file, line: error.line, rule: 'search-data', message: error.message.slice(error.message.indexOf('  ') + 2), severity: 'error' }];
  }
}
