/**
 * Marks the reader's search terms in the article they opened from a search result
 * (/articles/x/?highlight=租机%20押金). Loaded only when that parameter is present.
 */
import { termRanges } from '../lib/search/highlight.ts';
import { normalizeText } from '../lib/search/normalize.ts';

const SKIP = new Set(['SCRIPT', 'STYLE', 'MARK', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'BUTTON']);

export function highlightArticle(param: string): number {
  const terms = [...new Set(param.split(/\s+/).map(normalizeText).filter((t) => t.length > 0))];
  const root = document.querySelector('[data-pagefind-body]');
  if (!root || terms.length === 0) return 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      for (let el = node.parentElement; el && el !== root; el = el.parentElement) if (SKIP.has(el.tagName)) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  let count = 0;
  for (const node of nodes) {
    const text = node.data;
    const ranges = termRanges(text, terms);
    if (ranges.length === 0) continue;
    const fragment = document.createDocumentFragment();
    let last = 0;
    for (const [start, end] of ranges) {
      fragment.append(text.slice(last, start));
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = text.slice(start, end);
      fragment.append(mark);
      last = end;
      count++;
    }
    fragment.append(text.slice(last));
    node.replaceWith(fragment);
  }
  return count;
}
