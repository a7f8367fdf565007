/**
 * What both calculators' markup needs (src/components/mdx/*Calculator.astro): ids that
 * stay unique when a page has several calculators, the build-time view's messages and
 * outputs by name, and the heading tags for a heading level.
 */
import type { CalculatorView } from '../scripts/calculators.ts';

/**
 * An id maker for one calculator: `id` when the editor gave one, else calc-1, calc-2… in
 * page order (the count lives in the page's Astro.locals).
 */
export function calculatorIds(locals: { calculatorCount?: number }, id: string | undefined): (name: string) => string {
  locals.calculatorCount = (locals.calculatorCount ?? 0) + 1;
  const prefix = id ?? `calc-${locals.calculatorCount}`;
  return (name) => `${prefix}-${name}`;
}

/** The message for a field ('' when it is valid) and the text of an output, from a view. */
export function viewText<F extends string>(view: CalculatorView<F>): { errorFor: (field: string) => string; out: (key: string) => string } {
  return {
    errorFor: (field) => view.errors.find((e) => e.field === field)?.message ?? '',
    out: (key) => view.outputs[key] ?? '',
  };
}

/** The calculator's heading tag and the one below it, for its sub-headings. */
export function headingTags(level: 2 | 3 | 4): { Heading: 'h2' | 'h3' | 'h4'; SubHeading: 'h3' | 'h4' | 'h5' } {
  return { Heading: `h${level}`, SubHeading: `h${level + 1}` as 'h3' | 'h4' | 'h5' };
}
