/**
 * Components every article can use without an import line: the article page passes this
 * map to the MDX content (`<Content components={mdxComponents} />`). Their props and
 * allowed content are checked by the linter and the build (src/lib/lint/components.ts);
 * docs/editing.md shows editors how to use each one.
 */
import Callout from './Callout.astro';
import CompareTable from './CompareTable.astro';
import InstallmentCalculator from './InstallmentCalculator.astro';
import KeyPoints from './KeyPoints.astro';
import LawCitation from './LawCitation.astro';
import LeaseVsBuyCalculator from './LeaseVsBuyCalculator.astro';
import Steps from './Steps.astro';

export const mdxComponents = {
  Callout,
  Steps,
  KeyPoints,
  LawCitation,
  CompareTable,
  InstallmentCalculator,
  LeaseVsBuyCalculator,
};
