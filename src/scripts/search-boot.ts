/**
 * The only search code on every page (a few hundred bytes): turns the header box into a
 * combobox, loads the real thing on first focus, offers the "/" and Ctrl/⌘+K shortcuts,
 * and marks ?highlight= terms on an article. Everything else is loaded on demand.
 */

/** Readers who use single-key shortcuts of their assistive tech can turn "/" off (WCAG 2.1.4). */
export const SLASH_OFF_KEY = 'search-slash-shortcut';

function slashEnabled(): boolean {
  try {
    return localStorage.getItem(SLASH_OFF_KEY) !== 'off';
  } catch {
    return true;
  }
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

export function bootSearch() {
  const inputs = document.querySelectorAll<HTMLInputElement>('input[data-combobox]');
  for (const input of inputs) {
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', `${input.id}-listbox`);
    input.setAttribute('aria-keyshortcuts', slashEnabled() ? '/ Control+K Meta+K' : 'Control+K Meta+K');
    const start = () => void import('./search-combobox.ts').then((m) => m.attachCombobox(input));
    input.addEventListener('focus', start, { once: true });
    if (document.activeElement === input) start();
  }
  const first = inputs[0];
  if (first) {
    document.addEventListener('keydown', (event) => {
      if (event.defaultPrevented || event.isComposing || event.altKey) return;
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && slashEnabled() && !isTypingTarget(event.target);
      const modK = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey) && !event.shiftKey;
      if (!slash && !modK) return;
      event.preventDefault();
      first.focus();
      first.select();
    });
  }
  const highlight = new URLSearchParams(location.search).get('highlight');
  if (highlight && document.querySelector('[data-pagefind-body]')) void import('./search-highlight.ts').then((m) => m.highlightArticle(highlight));
}
