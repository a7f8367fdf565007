/**
 * The search page /search/?q=…&category=…: the full merged list in rank order inside
 * [data-search-results], category filters with counts, query and filter kept in the
 * URL, and, when nothing matches, shorter queries and the most useful articles.
 *
 * The instant layer (suggest.json: titles, tags, FAQ questions, summaries) answers first.
 * When it leaves part of the query unanswered, or the reader presses "在文章全文中搜索",
 * the full text (Pagefind, in its worker) follows: the instant list is shown meanwhile,
 * under "正在搜索…" with the list aria-busy, and the final list replaces it. Only the final
 * list sets the status and the filters and fires `search:rendered`. Most queries never
 * need the full text, and a first search then costs a phone ~40 KB instead of ~300 KB.
 */
import { SLASH_OFF_KEY } from './search-boot.ts';
import { loadIndex, search, shorterQueriesFor, type SearchItem, type SearchResponse } from './search-engine.ts';
import { afterNextFrame, yieldToMain } from './yield.ts';

const DEBOUNCE_MS = 150;
/** Results added in the first frame (about a phone's screenful), then per later frame. */
const FIRST_SLICE = 3;
const NEXT_SLICE = 5;
/** The most the first search waits for the segmenter worker (it normally finishes before suggest.json arrives). */
const WARMUP_WAIT_MS = 300;
/**
 * The full-text pass. Each excerpt or check costs a Pagefind fragment (~4 KB): six
 * excerpts cover a phone's first screens, and results further down show their summary.
 */
const FULL_TEXT = { fullText: 'always', fullTextTerms: 3, excerpts: 6, verify: 10 } as const;
/**
 * With a split index (large sites) each result's title is fetched: the list shows the
 * best this many, and the status says how many were found in all.
 */
const SPLIT_INDEX_RESULTS = 30;

function el<T extends HTMLElement>(selector: string): T {
  return document.querySelector<T>(selector)!;
}

export function runSearchPage() {
  let list = el<HTMLOListElement>('[data-search-results]');
  const status = el<HTMLElement>('[data-search-status]');
  const input = el<HTMLInputElement>('#search-page-input');
  const filters = el<HTMLElement>('[data-search-filters]');
  const suggestions = el<HTMLElement>('[data-search-suggestions]');
  const shorter = el<HTMLElement>('[data-search-shorter]');
  const featured = el<HTMLUListElement>('[data-search-featured]');
  const browse = el<HTMLElement>('[data-search-browse]');
  const more = el<HTMLElement>('[data-search-more]');
  setupShortcutToggle();
  const warmed = warmSegmenter();

  const params = new URLSearchParams(location.search);
  let query = params.get('q')?.trim() ?? '';
  let category = params.get('category') ?? '';
  let generation = 0;
  input.value = query;

  function writeUrl() {
    const next = new URLSearchParams();
    if (query) next.set('q', query);
    if (category) next.set('category', category);
    const url = `${location.pathname}${next.size ? `?${next}` : ''}`;
    if (url !== location.pathname + location.search) history.replaceState(null, '', url);
  }

  function renderFilters(response: SearchResponse, final: boolean) {
    const counts = new Map<string, { name: string; count: number }>();
    for (const hit of response.hits) {
      const entry = counts.get(hit.category) ?? { name: hit.categoryName, count: 0 };
      entry.count++;
      counts.set(hit.category, entry);
    }
    if (response.hits.length === 0) {
      filters.hidden = true;
      return;
    }
    const link = (slug: string, label: string, count: number) => {
      const a = document.createElement('a');
      const p = new URLSearchParams({ q: query });
      if (slug) p.set('category', slug);
      a.href = `/search/?${p}`;
      a.textContent = `${label} (${count})`;
      if (slug === category) a.setAttribute('aria-current', 'true');
      a.addEventListener('click', (event) => {
        event.preventDefault();
        category = slug;
        writeUrl();
        void render(response, final);
      });
      const li = document.createElement('li');
      li.append(a);
      return li;
    };
    const ul = document.createElement('ul');
    ul.append(link('', '全部', response.hits.length), ...[...counts].sort((a, b) => b[1].count - a[1].count).map(([slug, c]) => link(slug, c.name, c.count)));
    filters.replaceChildren(ul);
    filters.hidden = false;
  }

  async function renderSuggestions(response: SearchResponse) {
    const [index, short] = await Promise.all([loadIndex(), shorterQueriesFor(response.analysis)]);
    shorter.replaceChildren();
    if (short.length) {
      shorter.append('换个短一点的词：');
      short.forEach((text, i) => {
        const a = document.createElement('a');
        a.href = `/search/?q=${encodeURIComponent(text)}`;
        a.textContent = text;
        shorter.append(...(i ? ['、', a] : [a]));
      });
    }
    shorter.hidden = short.length === 0;
    featured.replaceChildren(
      ...index.featured.map(({ slug, title }) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = `/articles/${slug}/`;
        a.textContent = title;
        li.append(a);
        return li;
      }),
    );
    suggestions.hidden = false;
  }

  function itemNode(item: SearchItem): HTMLLIElement {
    const li = document.createElement('li');
    const heading = document.createElement('h2');
    heading.className = 'search-results__title';
    const link = document.createElement('a');
    link.href = item.url;
    link.textContent = item.title;
    heading.append(link);
    const meta = document.createElement('p');
    meta.className = 'muted search-results__category';
    meta.textContent = item.categoryName;
    const excerpt = document.createElement('p');
    // Escaped text with <mark>, from markTerms or Pagefind.
    excerpt.innerHTML = item.excerptHtml;
    li.append(heading, meta, excerpt);
    return li;
  }

  /**
   * The list, as a new <ol> every time: the full text replaces the instant answer, and a
   * list that is new is not a list that moved, even when the filters above it gained a
   * row (no layout shift). The first screenful at once, the rest a slice per frame:
   * laying out 60+ results of Chinese text at once blocks a phone's main thread for a
   * quarter of a second. `limit` cuts the list short (the instant pass). Resolves false
   * when a newer render took over.
   */
  let renderToken = 0;
  async function renderList(items: readonly SearchItem[], limit = Infinity): Promise<boolean> {
    const mine = ++renderToken;
    const shown = items.slice(0, limit);
    const fresh = list.cloneNode(false) as HTMLOListElement;
    fresh.append(...shown.slice(0, FIRST_SLICE).map(itemNode));
    list.replaceWith(fresh);
    list = fresh;
    for (let i = FIRST_SLICE; i < shown.length; i += NEXT_SLICE) {
      await afterNextFrame();
      if (mine !== renderToken) return false;
      fresh.append(...shown.slice(i, i + NEXT_SLICE).map(itemNode));
    }
    return mine === renderToken;
  }

  /**
   * `final`: the full-text answer, which sets the status; the instant answer before it
   * shows its first articles and leaves the status at "正在搜索…". Resolves false when a
   * newer render took over.
   */
  async function render(response: SearchResponse, final: boolean): Promise<boolean> {
    const mine = renderToken;
    const limit = (await loadIndex()).whole ? Infinity : SPLIT_INDEX_RESULTS;
    const visible = await response.itemsFor(category, final ? limit : FIRST_SLICE);
    if (mine !== renderToken) return false;
    renderFilters(response, final);
    if (!final) {
      suggestions.hidden = true;
      return renderList(visible);
    }
    if (!(await renderList(visible))) return false;
    const rewritten = response.analysis.rewritten ? `已按“${response.analysis.effective}”搜索。` : '';
    if (response.hits.length === 0) {
      status.textContent = `${rewritten}没有找到与“${query}”相关的文章。试试更短的词，或从下面的分类浏览。`;
      void renderSuggestions(response);
    } else {
      suggestions.hidden = true;
      const inView = category ? response.hits.filter((h) => h.category === category).length : response.hits.length;
      const inCategory = category ? `，其中“${visible[0]?.categoryName ?? ''}”分类 ${inView} 篇` : '';
      const shortened = visible.length < inView ? `下面是最相关的 ${visible.length} 篇，换个更具体的词可以缩小范围。` : '';
      status.textContent = `${rewritten}“${query}”找到 ${response.hits.length} 篇文章${inCategory}。${shortened}`;
    }
    return true;
  }

  /**
   * `fullText`: the reader asked for the full text (the button under the list); otherwise
   * it is consulted only when the instant layer leaves part of the query unanswered.
   */
  async function run(fullText = false) {
    const mine = ++generation;
    writeUrl();
    more.hidden = true;
    if (!query) {
      list.removeAttribute('aria-busy');
      void renderList([]);
      filters.hidden = true;
      suggestions.hidden = true;
      status.textContent = '输入关键词开始搜索，例如：租机押金、分期被锁、征信。';
      browse.hidden = false;
      // Ready for the first query (and the page's preload of it is used).
      loadIndex().catch(() => {});
      return;
    }
    status.textContent = fullText ? `正在文章全文中搜索“${query}”…` : `正在搜索“${query}”…`;
    const stale = () => mine !== generation;
    list.setAttribute('aria-busy', 'true');
    try {
      // Each step below is its own task, so none blocks the page for long on a slow phone.
      await loadIndex();
      await warmed;
      await yieldToMain();
      if (stale()) return;
      // 1. The instant layer: titles, tags, FAQ questions and descriptions, no Pagefind.
      const limit = (await loadIndex()).whole ? Infinity : SPLIT_INDEX_RESULTS;
      let response = await search(query, { fullText: 'never', fullTextTerms: 0, excerpts: 0, verify: 0, limit: FIRST_SLICE, stale });
      if (stale()) return;
      if (fullText || response.needsFullText) {
        // (With a category the instant layer has nothing in, the list waits for the full text.)
        if (!fullText && (category ? response.hits.some((h) => h.category === category) : response.hits.length)) await render(response, false);
        // A new task before the full-text pass.
        await yieldToMain();
        if (stale()) return;
        // 2. The full text: more articles, Pagefind's excerpts, the final order.
        response = await search(query, { ...FULL_TEXT, limit, stale });
        if (stale()) return;
      }
      // A filter left over from another query would hide everything.
      if (category && !response.hits.some((h) => h.category === category)) category = '';
      if (!(await render(response, true)) || stale()) return;
      list.removeAttribute('aria-busy');
      browse.hidden = false;
      more.hidden = response.fullText;
      // The button the reader pressed is gone: the first result takes the focus.
      if (fullText) list.querySelector('a')?.focus();
      writeUrl();
      document.dispatchEvent(new CustomEvent('search:rendered'));
    } catch {
      if (mine === generation) {
        list.removeAttribute('aria-busy');
        status.textContent = '搜索暂时无法使用，请稍后再试，或从下面的分类浏览。';
        browse.hidden = false;
      }
    }
  }
  el<HTMLButtonElement>('[data-search-more-button]').addEventListener('click', () => void run(true));

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const next = input.value.trim();
      if (next === query) return;
      query = next;
      category = '';
      void run();
    }, DEBOUNCE_MS);
  });
  input.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    query = input.value.trim();
    category = '';
    void run();
  });
  void run();
}

/**
 * Resolves once the worker has loaded ICU's Chinese word-break data (see
 * segmenter-warmup.ts), or at once when workers are unavailable; never rejects, and never
 * waits more than WARMUP_WAIT_MS, so search never depends on it.
 */
function warmSegmenter(): Promise<void> {
  return new Promise((resolve) => {
    try {
      const worker = new Worker(new URL('./segmenter-warmup.ts', import.meta.url));
      worker.addEventListener('message', () => resolve());
      worker.addEventListener('error', () => resolve());
      setTimeout(resolve, WARMUP_WAIT_MS);
    } catch {
      resolve();
    }
  });
}

function setupShortcutToggle() {
  const box = document.querySelector<HTMLElement>('[data-search-shortcut]');
  const button = box?.querySelector<HTMLButtonElement>('[data-shortcut-toggle]');
  if (!box || !button) return;
  const read = () => {
    try {
      return localStorage.getItem(SLASH_OFF_KEY) !== 'off';
    } catch {
      return true;
    }
  };
  const show = () => {
    const on = read();
    button.textContent = on ? '关闭“/”快捷键' : '开启“/”快捷键';
  };
  button.addEventListener('click', () => {
    try {
      localStorage.setItem(SLASH_OFF_KEY, read() ? 'off' : 'on');
    } catch {
      /* private browsing: nothing to remember */
    }
    show();
  });
  show();
  box.hidden = false;
}
