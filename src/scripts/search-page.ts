/**
 * The search page: reads ?q=, asks Pagefind (loaded on demand from /pagefind/), and
 * lists results as links with highlighted excerpts inside [data-search-results].
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  filters: Record<string, string[]>;
}
interface Pagefind {
  init(): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

let pagefindPromise: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  const url = '/pagefind/pagefind.js';
  pagefindPromise ??= import(/* @vite-ignore */ url).then(async (module: Pagefind) => {
    await module.init();
    return module;
  });
  return pagefindPromise;
}

function render(list: HTMLElement, items: PagefindResultData[]) {
  list.replaceChildren(
    ...items.map((item) => {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = item.url;
      link.textContent = item.meta.title ?? item.url;
      const heading = document.createElement('h2');
      heading.className = 'search-results__title';
      heading.append(link);
      const category = item.filters.category?.[0];
      const meta = document.createElement('p');
      meta.className = 'muted';
      meta.textContent = category ?? '';
      const excerpt = document.createElement('p');
      // Pagefind's excerpt is escaped text with <mark> around matches.
      excerpt.innerHTML = item.excerpt;
      li.append(heading, meta, excerpt);
      return li;
    }),
  );
}

export async function runSearchPage() {
  const list = document.querySelector<HTMLElement>('[data-search-results]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const input = document.querySelector<HTMLInputElement>('#search-page-input');
  if (!list || !status || !input) return;
  const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  input.value = query;
  if (!query) {
    status.textContent = '输入关键词开始搜索，例如：租机押金、分期被锁、征信。';
    return;
  }
  status.textContent = `正在搜索“${query}”…`;
  try {
    const pagefind = await loadPagefind();
    const { results } = await pagefind.search(query);
    const items = await Promise.all(results.slice(0, 30).map((r) => r.data()));
    render(list, items);
    status.textContent = items.length
      ? `“${query}”找到 ${results.length} 篇文章${results.length > items.length ? `，显示前 ${items.length} 篇` : ''}。`
      : `没有找到与“${query}”相关的文章。试试更短的词，或从下面的分类浏览。`;
  } catch {
    status.textContent = '搜索暂时无法使用，请稍后再试，或从下面的分类浏览。';
  }
}
