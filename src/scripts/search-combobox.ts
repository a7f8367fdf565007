/**
 * The header search box as a WAI-ARIA 1.2 combobox with a listbox popup: results as
 * you type (instant layer first, full text when the instant layer is not enough),
 * ↑/↓ to move, Enter to open, Esc to close, the result count announced politely.
 * Without JavaScript the same <form> is a plain GET to /search/?q=.
 */
import { search, loadIndex, type SearchItem, type SearchResponse } from './search-engine.ts';
import { escapeHtml } from '../lib/search/highlight.ts';

const MAX_OPTIONS = 7;
/** Pause after the last keystroke before asking the full-text index. */
const FULLTEXT_DELAY_MS = 150;

export function attachCombobox(input: HTMLInputElement) {
  if (input.dataset.comboboxReady) return;
  input.dataset.comboboxReady = '1';
  const form = input.form!;
  const popup = document.getElementById(`${input.id}-popup`)!;
  const listbox = document.getElementById(`${input.id}-listbox`)!;
  const status = form.querySelector<HTMLElement>('[data-combobox-status]')!;
  let options: { id: string; url: string; el: HTMLElement }[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  void loadIndex().catch(() => undefined);

  const setExpanded = (open: boolean) => {
    popup.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (!open) setActive(-1);
  };

  function setActive(index: number) {
    options[active]?.el.setAttribute('aria-selected', 'false');
    active = index;
    const option = options[active];
    if (option) {
      option.el.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', option.id);
      option.el.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  function option(id: string, url: string, build: (li: HTMLLIElement) => void) {
    const li = document.createElement('li');
    li.id = id;
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    li.className = 'search-option';
    build(li);
    // Keep focus in the input while clicking, then follow the option.
    li.addEventListener('pointerdown', (e) => e.preventDefault());
    li.addEventListener('click', () => location.assign(url));
    options.push({ id, url, el: li });
    return li;
  }

  function render(query: string, response: SearchResponse, final: boolean) {
    const { items, hits, analysis } = response;
    options = [];
    active = -1;
    input.removeAttribute('aria-activedescendant');
    const all = `/search/?q=${encodeURIComponent(query)}`;
    const shown = items.slice(0, MAX_OPTIONS);
    const nodes = shown.map((item: SearchItem, i) =>
      option(`${input.id}-option-${i}`, item.url, (li) => {
        const title = document.createElement('span');
        title.className = 'search-option__title';
        title.textContent = item.title;
        const meta = document.createElement('span');
        meta.className = 'search-option__excerpt';
        // Escaped text with <mark>, made by markTerms or Pagefind.
        meta.innerHTML = `<span class="search-option__category">${escapeHtml(item.categoryName)}</span>${item.excerptHtml}`;
        li.append(title, meta);
      }),
    );
    nodes.push(
      option(`${input.id}-option-all`, all, (li) => {
        li.classList.add('search-option--all');
        li.textContent = hits.length ? `查看全部 ${hits.length} 条结果` : `没有直接相关的文章，查看搜索建议`;
      }),
    );
    listbox.replaceChildren(...nodes);
    setExpanded(true);
    if (final || hits.length > 0) {
      const rewritten = analysis.rewritten ? `已按“${analysis.effective}”搜索，` : '';
      status.textContent = hits.length
        ? `${rewritten}找到 ${hits.length} 篇文章，用上下方向键选择，回车打开。`
        : `${rewritten}没有找到与“${query}”相关的文章，按回车查看建议。`;
    }
  }

  /** The instant layer, on every keystroke: it is a few milliseconds once the index is loaded. */
  async function run() {
    const query = input.value.trim();
    const mine = ++generation;
    clearTimeout(timer);
    if (!query) {
      listbox.replaceChildren();
      setExpanded(false);
      status.textContent = '';
      return;
    }
    const stale = () => mine !== generation;
    try {
      const instant = await search(query, { fullText: 'never', fullTextTerms: 0, excerpts: 0, verify: 0, limit: MAX_OPTIONS, stale });
      if (stale()) return;
      render(query, instant, !instant.needsFullText);
      input.dispatchEvent(new CustomEvent('search:instant', { bubbles: true }));
      if (!instant.needsFullText) {
        input.dispatchEvent(new CustomEvent('search:rendered', { bubbles: true }));
        return;
      }
      // The full text only when the instant layer is not enough, after the reader pauses.
      timer = setTimeout(async () => {
        try {
          const full = await search(query, { fullText: 'when-needed', fullTextTerms: 1, excerpts: 0, verify: 2, limit: MAX_OPTIONS, stale });
          if (stale()) return;
          render(query, full, true);
        } catch {
          if (!stale()) render(query, instant, true);
        }
        if (!stale()) input.dispatchEvent(new CustomEvent('search:rendered', { bubbles: true }));
      }, FULLTEXT_DELAY_MS);
    } catch {
      if (!stale()) status.textContent = '搜索暂时无法使用，按回车打开搜索页。';
    }
  }

  input.addEventListener('input', () => void run());

  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    const open = !popup.hidden;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) {
          if (input.value.trim()) void run();
          return;
        }
        setActive(active + 1 >= options.length ? 0 : active + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (open) setActive(active <= 0 ? options.length - 1 : active - 1);
        break;
      case 'Enter':
        if (open && options[active]) {
          event.preventDefault();
          location.assign(options[active]!.url);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          setExpanded(false);
        } else if (input.value) {
          event.preventDefault();
          input.value = '';
          status.textContent = '';
        }
        break;
      case 'Tab':
        setExpanded(false);
        break;
    }
  });

  input.addEventListener('focus', () => {
    if (input.value.trim() && listbox.childElementCount > 0) setExpanded(true);
  });
  input.addEventListener('blur', () => setExpanded(false));

  if (input.value.trim()) void run();
}
