/**
 * The search page /search/?q=…&category=…: the full merged list in rank order inside
 * [data-search-results], category filters with counts, query and filter kept in the
 * URL, and, when nothing matches, shorter queries and the most useful articles.
 */
import { shorterQueries } from '../lib/search/suggest.ts';
import { SLASH_OFF_KEY } from './search-boot.ts';
import { loadIndex, search, type SearchResponse } from './search-engine.ts';

const DEBOUNCE_MS = 150;

function el<T extends HTMLElement>(selector: string): T {
  return document.querySelector<T>(selector)!;
}

export function runSearchPage() {
  const list = el<HTMLOListElement>('[data-search-results]');
  const status = el<HTMLElement>('[data-search-status]');
  const input = el<HTMLInputElement>('#search-page-input');
  const filters = el<HTMLElement>('[data-search-filters]');
  const suggestions = el<HTMLElement>('[data-search-suggestions]');
  const shorter = el<HTMLElement>('[data-search-shorter]');
  const featured = el<HTMLUListElement>('[data-search-featured]');
  const browse = el<HTMLElement>('[data-search-browse]');
  setupShortcutToggle();

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

  function renderFilters(response: SearchResponse) {
    const counts = new Map<string, { name: string; count: number }>();
    for (const item of response.items) {
      const entry = counts.get(item.category) ?? { name: item.categoryName, count: 0 };
      entry.count++;
      counts.set(item.category, entry);
    }
    if (response.items.length === 0) {
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
        render(response);
      });
      const li = document.createElement('li');
      li.append(a);
      return li;
    };
    const ul = document.createElement('ul');
    ul.append(link('', '全部', response.items.length), ...[...counts].sort((a, b) => b[1].count - a[1].count).map(([slug, c]) => link(slug, c.name, c.count)));
    filters.replaceChildren(ul);
    filters.hidden = false;
  }

  async function renderSuggestions(response: SearchResponse) {
    const index = await loadIndex();
    const short = shorterQueries(index, response.analysis);
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
      ...index.source.featured.flatMap((slug) => {
        const doc = index.bySlug.get(slug);
        if (!doc) return [];
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = `/articles/${slug}/`;
        a.textContent = doc.title;
        li.append(a);
        return [li];
      }),
    );
    suggestions.hidden = false;
  }

  function render(response: SearchResponse) {
    const visible = category ? response.items.filter((i) => i.category === category) : response.items;
    list.replaceChildren(
      ...visible.map((item) => {
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
      }),
    );
    renderFilters(response);
    const rewritten = response.analysis.rewritten ? `已按“${response.analysis.effective}”搜索。` : '';
    if (response.items.length === 0) {
      status.textContent = `${rewritten}没有找到与“${query}”相关的文章。试试更短的词，或从下面的分类浏览。`;
      void renderSuggestions(response);
    } else {
      suggestions.hidden = true;
      const inCategory = category ? `，其中“${visible[0]?.categoryName ?? ''}”分类 ${visible.length} 篇` : '';
      status.textContent = `${rewritten}“${query}”找到 ${response.items.length} 篇文章${inCategory}。`;
    }
  }

  async function run() {
    const mine = ++generation;
    writeUrl();
    if (!query) {
      list.replaceChildren();
      filters.hidden = true;
      suggestions.hidden = true;
      status.textContent = '输入关键词开始搜索，例如：租机押金、分期被锁、征信。';
      browse.hidden = false;
      return;
    }
    status.textContent = `正在搜索“${query}”…`;
    try {
      const response = await search(query, { fullText: 'always', fullTextTerms: 3, excerpts: 10, verify: 12, stale: () => mine !== generation });
      if (mine !== generation) return;
      // A filter left over from another query would hide everything.
      if (category && !response.items.some((i) => i.category === category)) category = '';
      render(response);
      browse.hidden = false;
      writeUrl();
      document.dispatchEvent(new CustomEvent('search:rendered'));
    } catch {
      if (mine === generation) {
        status.textContent = '搜索暂时无法使用，请稍后再试，或从下面的分类浏览。';
        browse.hidden = false;
      }
    }
  }

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
