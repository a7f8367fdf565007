/**
 * For <CompareTable>: gives each body cell of a rendered Markdown table its column's name
 * (data-label), so that on a phone, where rows are shown as cards, every value still says
 * what it is. No ARIA roles are added: the HTML standard forbids them on cells of a
 * plain table, and the table keeps its native semantics.
 */
import { parse } from 'node-html-parser';

export function labelTableCells(html: string, caption?: string): string {
  const root = parse(html);
  const table = root.querySelector('table');
  if (!table) return html;
  const headers = table.querySelectorAll('thead th').map((th) => th.textContent.trim());
  for (const row of table.querySelectorAll('tbody tr')) {
    row.querySelectorAll('td').forEach((cell, index) => {
      const label = headers[index];
      if (label) cell.setAttribute('data-label', label);
    });
  }
  if (caption && !table.querySelector('caption')) {
    table.insertAdjacentHTML('afterbegin', `<caption>${caption.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</caption>`);
  }
  return root.toString();
}
