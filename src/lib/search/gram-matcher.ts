/**
 * The ranking's view of a split index (src/lib/search/split-index.ts): which articles
 * contain a text, and in which kinds of field, from the postings of the text's
 * character pairs. It knows the kinds of field, not each FAQ question or heading apart,
 * so an article whose pairs sit in two different questions counts as a match; the exact
 * matcher (rank.ts) never does.
 */
import { FIELD_BIT, lookupGrams } from './grams.ts';
import { normalizeText } from './normalize.ts';
import { fieldStrength, maskWeights, type Matcher } from './rank.ts';
import type { Concept } from './query.ts';

export interface GramMatcherInput {
  /** Gram → article → FIELD_BIT mask; must hold every gram of the texts asked about. */
  postings: ReadonlyMap<string, ReadonlyMap<number, number>>;
  categoryNames: readonly string[];
  /** Per article: index into categoryNames. */
  categoryOf: readonly number[];
  /** Per article: title length in characters. */
  titleLengths: readonly number[];
  featured: ReadonlySet<number>;
}

const NONE: ReadonlyMap<number, number> = new Map();

export function gramMatcher(input: GramMatcherInput): Matcher {
  const cache = new Map<string, ReadonlyMap<number, number>>();
  const normalizedCategories = input.categoryNames.map(normalizeText);

  /** Article → mask of the kinds of field that contain `text`. */
  function docsWith(text: string): ReadonlyMap<number, number> {
    const cached = cache.get(text);
    if (cached) return cached;
    let found: Map<number, number> | undefined;
    // Rarest gram first: the intersection only ever shrinks.
    const lists = lookupGrams(text)
      .map((gram) => input.postings.get(gram) ?? NONE)
      .sort((a, b) => a.size - b.size);
    for (const list of lists) {
      if (!found) {
        found = new Map(list);
        continue;
      }
      for (const [doc, mask] of found) {
        const both = mask & (list.get(doc) ?? 0);
        if (both) found.set(doc, both);
        else found.delete(doc);
      }
    }
    found ??= new Map();
    // Category names are the same for every article of a category: matched here, not stored per article.
    const categories = new Set(normalizedCategories.flatMap((name, i) => (name.includes(text) ? [i] : [])));
    if (categories.size) input.categoryOf.forEach((c, doc) => categories.has(c) && found.set(doc, (found.get(doc) ?? 0) | FIELD_BIT.category));
    cache.set(text, found);
    return found;
  }

  return {
    size: input.categoryOf.length,
    conceptHits(concept: Concept) {
      const values = new Map<number, number>();
      for (const alt of concept.alts) {
        for (const [doc, mask] of docsWith(alt.text)) {
          const { top, extra } = maskWeights(mask);
          const strength = fieldStrength(alt.weight, top, extra);
          if (strength > (values.get(doc) ?? 0)) values.set(doc, strength);
        }
      }
      return new Map([...values].sort((a, b) => a[0] - b[0]));
    },
    fieldsWith: (doc, text) => docsWith(text).get(doc) ?? 0,
    titleLength: (doc) => input.titleLengths[doc] ?? 0,
    isFeatured: (doc) => input.featured.has(doc),
  };
}

/** The grams a query's analysis will ask a gram matcher about. */
export function gramsFor(texts: Iterable<string>): Set<string> {
  const grams = new Set<string>();
  for (const text of texts) for (const gram of lookupGrams(text)) grams.add(gram);
  return grams;
}
