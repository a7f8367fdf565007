/**
 * The `articles` collection loader. Editors write `.mdx` files only, but most articles are
 * plain Markdown: compiling each of those into its own JS module (what Astro's glob()
 * loader does for every `.mdx` file) made the Vite bundle and the per-page module loading
 * grow by about 7 s per 1,000 articles. So each file is sorted at sync time:
 *
 * - its body uses MDX (a tag like `<Callout>` or `<br>`, a `{…}` expression, an
 *   `import`/`export` line, or anything the MDX compiler writes differently): it is stored
 *   with `deferredRender`, exactly like glob() does, and render() compiles it as an MDX
 *   module with the article components;
 * - otherwise it is stored as data only, and the article page renders the body, read from
 *   the file, with the site's Markdown processor (src/data/article-content.ts,
 *   src/lib/article-markdown.ts). No module is created for it.
 *
 * Why not render at sync time and store `rendered` (what glob() does for `.md`)? Astro
 * bundles the whole data store as one JS string, and its cost grows faster than its size:
 * the HTML next to each body doubled the store (98 → 185 MB at 10,000 articles) and made
 * importing it take 82 s instead of 22 s, more than the MDX modules cost. For the same
 * reason no entry stores its body either (src/data/article-body.ts).
 *
 * Ids (frontmatter `slug`), frontmatter parsing (the MDX integration's own getEntryInfo)
 * and validation (the collection schema through parseData) are the same on both paths, so
 * a bad field stops the build with the same message. ARTICLES_ALL_MDX=1 (see
 * src/content.config.ts) sends every article through MDX, to compare or debug; so does
 * `astro dev` (see load()).
 */
import { existsSync, promises as fs, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';

/** Constructs whose meaning differs between MDX and plain Markdown, with a name for the log. */
const MDX_SIGNS: readonly [RegExp, string][] = [
  // JSX/HTML tags, HTML comments and <https://…> autolinks: MDX parses all of them differently.
  [/</, '尖括号 <（组件或 HTML 标签）'],
  [/[{}]/, '花括号 { }（MDX 表达式）'],
  [/^(?:import|export)\b/m, 'import/export 行'],
  // MDX has no indented code blocks: four spaces or a tab make a code block in Markdown only.
  [/^(?: {4}|\t)/m, '缩进四格或制表符的行'],
  // The rest renders alike but not byte for byte: MDX writes style attributes (code
  // highlighting, aligned table columns) and footnote attributes differently, and turns
  // local images into optimised <Image> components. Rare here; they keep the MDX path.
  [/^[ \t]*(?:```|~~~)/m, '代码块'],
  [/^(?=[ \t|:-]*-)(?=[ \t|:-]*:)[ \t|:-]+$/m, '对齐的表格列'],
  [/\[\^/, '脚注'],
  [/!\[/, '图片'],
];

/**
 * Why this article body needs the MDX compiler, or undefined when it is plain Markdown that
 * renders the same through the Markdown processor. Deliberately cautious: a false "needs
 * MDX" only costs build time, a false "plain" would change the page.
 */
export function mdxReason(body: string): string | undefined {
  return MDX_SIGNS.find(([pattern]) => pattern.test(body))?.[1];
}

/** The entry id: the frontmatter slug (renaming a file never changes a URL), else the file name. */
export function articleId(entry: string, data: Record<string, unknown>): string {
  return typeof data.slug === 'string' ? data.slug : entry.replace(/\.mdx$/, '');
}

/** The `.mdx` files under `dir` as posix paths relative to it, sorted; hidden files and folders skipped, like glob(). */
export function listArticleFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split(sep).join('/'))
    .filter((name) => name.endsWith('.mdx') && !name.split('/').some((part) => part.startsWith('.')))
    .sort();
}

interface EntryInfo {
  data: Record<string, unknown>;
  body: string;
}

/** The part of Astro's content entry type used here (the MDX integration registers `.mdx`). */
interface ContentEntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): EntryInfo | Promise<EntryInfo>;
}

/**
 * Astro passes its content entry types to every loader (glob() reads them the same way),
 * but LoaderContext does not declare them.
 */
type ArticleLoaderContext = LoaderContext & { entryTypes?: Map<string, ContentEntryType> };

export interface ArticleLoaderOptions {
  /** The folder of the `.mdx` articles, relative to the project root. */
  base: string;
  /** Send every article through the MDX compiler (the old path), for comparing or debugging. */
  allMdx?: boolean;
}

/** Runs `run` over `items` with at most `limit` in flight, so file reads overlap. */
async function eachLimited<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export function articleLoader(options: ArticleLoaderOptions): Loader {
  return {
    name: 'article-loader',
    async load(context: ArticleLoaderContext) {
      const { config, store, logger, parseData, generateDigest, watcher } = context;
      // Under `astro dev` (a watcher) every article compiles as MDX, as with allMdx. An
      // article switching between the two paths while the server runs changes both the
      // stored entry and Astro's list of MDX modules, and a page could read one updated and
      // the other not ("Unexpected error while rendering"), until the next edit. Both paths
      // render the same page (tests/build/markdown-fast-path.test.ts); the build keeps the
      // fast path.
      const allMdx = options.allMdx === true || watcher !== undefined;
      const mdxType = context.entryTypes?.get('.mdx');
      if (!mdxType) throw new Error('articles 集合需要 @astrojs/mdx：请在 astro.config.mjs 的 integrations 里保留 mdx()。');
      const root = fileURLToPath(config.root);
      const baseDir = join(root, options.base);
      if (!existsSync(baseDir)) logger.warn(`找不到文章目录 ${options.base}。`);

      /** Which entry each file produced, so an edit that changes the slug drops the old id. */
      const idByFile = new Map<string, string>();
      const untouched = new Set(store.keys());
      const counts = { markdown: 0, mdx: 0 };

      /**
       * Reads, validates and stores one article. `claimed` (initial load only) maps each id
       * to the file that produced it, to stop on two files with the same slug.
       */
      async function syncFile(entry: string, claimed?: Map<string, string>): Promise<void> {
        const absolute = join(baseDir, entry);
        const filePath = relative(root, absolute).split(sep).join('/');
        const contents = await fs.readFile(absolute, 'utf8');
        const { data, body } = await mdxType!.getEntryInfo({ contents, fileUrl: pathToFileURL(absolute) });
        const id = articleId(entry, data);
        const oldId = idByFile.get(absolute);
        if (oldId !== undefined && oldId !== id && store.get(oldId)?.filePath === filePath) store.delete(oldId);
        idByFile.set(absolute, id);
        untouched.delete(id);

        // On the first load every file is listed, so only this load's claims count (an entry
        // cached from the last build may belong to a file whose slug has changed since).
        const other = claimed ? claimed.get(id) : store.get(id)?.filePath;
        if (other !== undefined && other !== filePath && existsSync(join(root, other))) {
          throw new Error(`${filePath}: slug "${id}" 已被 ${other} 使用。每篇文章的 slug（网址）必须不同：请改掉其中一篇的 slug。`);
        }
        claimed?.set(id, filePath);

        const asMdx = allMdx || mdxReason(body) !== undefined;
        counts[asMdx ? 'mdx' : 'markdown']++;
        const digest = generateDigest(contents);
        const existing = store.get(id);
        if (existing && existing.digest === digest && existing.filePath === filePath && existing.deferredRender === (asMdx || undefined)) {
          // Unchanged since the cached sync: the data is still valid; an MDX module must be listed again.
          if (asMdx) store.addModuleImport(filePath);
          return;
        }

        const parsed = await parseData({ id, data, filePath: absolute });
        // store.set() ignores an entry whose digest it already holds (for example the same
        // text, moved to the other path or to another file name), so the old one goes first.
        store.delete(id);
        // No body: pages read it from the file (src/data/article-body.ts), which keeps Astro's
        // data store, compiled as one JS module before the first page, a sixth of the size.
        store.set({ id, data: parsed, filePath, digest, ...(asMdx ? { deferredRender: true } : {}) });
      }

      const claimed = new Map<string, string>();
      await eachLimited(listArticleFiles(baseDir), 10, (entry) => syncFile(entry, claimed));
      for (const id of untouched) store.delete(id);
      logger.info(
        watcher ? `开发模式：${counts.mdx} 篇文章都按 MDX 编译（构建时纯 Markdown 文章不经 MDX）。` : `${counts.markdown} 篇纯 Markdown 文章不经 MDX 编译，${counts.mdx} 篇用到 MDX 的文章编译为模块。`,
      );

      if (!watcher) return;
      // `astro dev`: keep the store in step with edits (every article is MDX here, so an
      // article that gains or loses a component stays on the same path).
      watcher.add(baseDir);
      const inBase = (path: string) => {
        const entry = relative(baseDir, path).split(sep).join('/');
        return entry.startsWith('../') || !entry.endsWith('.mdx') || entry.split('/').some((part) => part.startsWith('.')) ? undefined : entry;
      };
      // One change at a time, in the order they happened. An editor's save often fires
      // two events; two overlapping syncs of one file could store the older text last (its
      // read came first, its store.set() after the newer one), leaving the page stale.
      let queue: Promise<void> = Promise.resolve();
      const inTurn = (work: () => Promise<void>) => (queue = queue.then(work, work));
      const reload = async (path: string) => {
        const entry = inBase(path);
        if (!entry) return;
        try {
          await syncFile(entry);
          logger.info(`已重新载入 ${entry}`);
        } catch (error) {
          logger.error(`无法重新载入 ${entry}：${error instanceof Error ? error.message : String(error)}`);
        }
      };
      const onChange = (path: string) => inTurn(() => reload(path));
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', (path) => inTurn(async () => {
        const entry = inBase(path);
        const id = idByFile.get(path);
        if (!entry || id === undefined) return;
        idByFile.delete(path);
        // A file saved under a new name may already hold the slug; then it stays.
        if (store.get(id)?.filePath !== relative(root, path).split(sep).join('/')) return;
        store.delete(id);
        logger.info(`已删除 ${entry}（/articles/${id}/）`);
        // A file refused earlier because this one had its slug can have it now.
        for (const [other, otherId] of [...idByFile]) if (otherId === id) await reload(other);
      }));
    },
  };
}
