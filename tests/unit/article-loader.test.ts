/**
 * The articles loader: which articles need the MDX compiler and what it stores for each,
 * run against a stand-in for Astro's loader context that validates with the real schema;
 * and the page-time Markdown rendering of the others. tests/build/markdown-fast-path.test.ts
 * checks both inside Astro against the MDX compiler.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { articleId, articleLoader, listArticleFiles, mdxReason } from '../../src/lib/article-loader.ts';
import { renderPlainArticle } from '../../src/lib/article-markdown.ts';
import { entryBody, splitFrontmatter, topLevelFields } from '../../src/lib/frontmatter.ts';
import mdx from '@astrojs/mdx';
import { articleSchema } from '../../src/lib/schema.ts';

const bodyOf = (file: string) => splitFrontmatter(readFileSync(file, 'utf8'))!.body;

describe('mdxReason', () => {
  it('sends every real article that uses a component through MDX', () => {
    const files = readdirSync('content/articles').map((name) => join('content/articles', name));
    const withComponents = files.filter((file) => /<[A-Z]/.test(bodyOf(file)));
    expect(withComponents.length).toBeGreaterThan(0);
    for (const file of withComponents) expect(mdxReason(bodyOf(file)), file).toBeDefined();
  });

  it('leaves real plain articles (tables, lists, headings, links) on the Markdown path', () => {
    for (const slug of ['aizuji-alipay-overview', 'alipay-lease-approval', 'office-equipment-rental']) {
      const body = bodyOf(`content/articles/${slug}.mdx`);
      expect(body).toMatch(/^\| .* \|$/m);
      expect(mdxReason(body), slug).toBeUndefined();
    }
    expect(mdxReason(bodyOf('tests/fixtures/markdown-fast-path/markdown-features.mdx'))).toBeUndefined();
  });

  it('names what needs MDX', () => {
    expect(mdxReason('先看合同。\n\n<Callout type="warning">\n不要转借。\n</Callout>\n')).toContain('<');
    expect(mdxReason('第一行<br />第二行')).toContain('<');
    expect(mdxReason('<!-- 编辑备注 -->')).toContain('<');
    expect(mdxReason('网址 <https://www.12315.cn/>')).toContain('<');
    expect(mdxReason('月供 {frontmatter.title} 元')).toContain('{');
    expect(mdxReason("import Chart from './chart.astro';\n\n正文")).toContain('import');
    expect(mdxReason('export const rate = 0.6;')).toContain('import');
    expect(mdxReason('正文\n\n    四个空格缩进')).toContain('缩进');
    expect(mdxReason('正文\n\n\t制表符缩进')).toContain('缩进');
    expect(mdxReason('```text\n月供 = 本金 × 月利率\n```')).toBe('代码块');
    expect(mdxReason('| 项目 | 金额 |\n| :--- | ---: |\n| 月租 | 199 |')).toBe('对齐的表格列');
    expect(mdxReason('费用以合同为准[^1]。\n\n[^1]: 见合同。')).toBe('脚注');
    expect(mdxReason('![合同截图](./contract.png)')).toBe('图片');
  });

  it('does not mistake ordinary Markdown for MDX', () => {
    for (const body of [
      '| 项目 | 金额 |\n| --- | --- |\n| 月租 | 199 |',
      '- 第一项\n  - 缩进两格的子项\n- 第二项',
      '1. 第一步\n2. 第二步',
      '> 提醒：以合同为准。',
      '见[京东](https://www.jd.com/)和 https://www.12315.cn/。',
      '2 > 1，A & B，“引号”和 "quotes"。',
      '第一行  \n第二行\\\n第三行\n\n---\n\n分隔线以后',
      '这一句提到 import 和 export 两个词。',
    ]) {
      expect(mdxReason(body), body).toBeUndefined();
    }
  });
});

describe('entryBody', () => {
  it('is the body the MDX integration gives the entry, for every real article and fixture', async () => {
    let getEntryInfo: ((p: { fileUrl: URL; contents: string }) => Promise<{ body: string }>) | undefined;
    const setup = mdx().hooks['astro:config:setup'] as unknown as (params: Record<string, unknown>) => Promise<void>;
    await setup({
      config: {},
      updateConfig: () => {},
      addPageExtension: () => {},
      addRenderer: () => {},
      addContentEntryType: (type: { extensions: string[]; getEntryInfo: typeof getEntryInfo }) => {
        if (type.extensions.includes('.mdx')) getEntryInfo = type.getEntryInfo;
      },
    });
    const files = ['content/articles', 'tests/fixtures/valid/articles', 'tests/fixtures/markdown-fast-path', 'tests/fixtures/escaping/articles']
      .flatMap((dir) => listArticleFiles(dir).map((name) => join(dir, name)));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const contents = readFileSync(file, 'utf8');
      expect(entryBody(contents), file).toBe((await getEntryInfo!({ fileUrl: pathToFileURL(file), contents })).body);
    }
  });
});

describe('articleId', () => {
  it('is the frontmatter slug, else the file name', () => {
    expect(articleId('fee-to-apr.mdx', { slug: 'installment-apr' })).toBe('installment-apr');
    expect(articleId('guides/fee-to-apr.mdx', {})).toBe('guides/fee-to-apr');
  });
});

/** A stand-in for Astro's data store with the behaviour the loader relies on. */
function memoryStore() {
  const entries = new Map<string, Record<string, unknown> & { id: string; digest?: unknown; deferredRender?: boolean }>();
  const moduleImports = new Set<string>();
  const store = {
    get: (id: string) => entries.get(id),
    // Like Astro's store: an entry whose digest is already stored is kept as it is.
    set: (entry: { id: string; digest?: unknown; deferredRender?: boolean; filePath?: string }) => {
      if (entry.digest !== undefined && entries.get(entry.id)?.digest === entry.digest) return false;
      entries.set(entry.id, entry);
      if (entry.deferredRender && entry.filePath) moduleImports.add(entry.filePath);
      return true;
    },
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    entries: () => [...entries.entries()],
    delete: (id: string) => void entries.delete(id),
    clear: () => entries.clear(),
    has: (id: string) => entries.has(id),
    addModuleImport: (file: string) => void moduleImports.add(file),
  };
  return { store, entries, moduleImports };
}

const CATEGORIES = ['installment', 'leasing'];

async function loaderContext(root: string, memory = memoryStore()) {
  const schema = articleSchema(CATEGORIES, 'categories.yaml');
  const info: string[] = [];
  const context = {
    collection: 'articles',
    config: { root: pathToFileURL(`${root}/`) },
    store: memory.store,
    logger: { info: (m: string) => info.push(m), warn: () => {}, error: () => {} },
    parseData: async ({ data }: { data: unknown }) => schema.parse(data),
    generateDigest: (text: unknown) => `d${String(text).length}-${String(text).slice(-40)}`,
    entryTypes: new Map([
      [
        '.mdx',
        {
          getEntryInfo: ({ contents }: { contents: string }) => {
            const split = splitFrontmatter(contents)!;
            return { data: YAML.parse(split.yaml) as Record<string, unknown>, body: split.body.trim() };
          },
        },
      ],
    ]),
  };
  return { context: context as unknown as LoaderContext, ...memory, info };
}

describe('articleLoader', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** The valid fixture site, plus an article that uses a component. */
  function site(): string {
    root = mkdtempSync(join(tmpdir(), 'article-loader-'));
    cpSync('tests/fixtures/valid/articles', join(root, 'articles'), { recursive: true });
    writeFileSync(
      join(root, 'articles', 'deposit-callout.mdx'),
      readFileSync(join(root, 'articles', 'lease-deposit.mdx'), 'utf8')
        .replace('slug: lease-deposit', 'slug: deposit-callout')
        .replace('## 扣押金的依据', '<Callout type="warning">\n扣押金要有合同依据。\n</Callout>\n\n## 扣押金的依据'),
    );
    return root;
  }

  it('stores plain articles as data only (no body), and leaves the others to the MDX compiler', async () => {
    const { context, entries, moduleImports, info } = await loaderContext(site());
    await articleLoader({ base: 'articles' }).load(context);

    expect([...entries.keys()].sort()).toEqual(['deposit-callout', 'fee-to-apr', 'lease-deposit']);
    const plain = entries.get('lease-deposit')!;
    expect(plain.deferredRender).toBeUndefined();
    expect(plain.rendered).toBeUndefined();
    expect(plain.filePath).toBe('articles/lease-deposit.mdx');
    // Pages read the body from the file: bodies were five sixths of Astro's data store.
    expect(plain.body).toBeUndefined();
    expect(entryBody(readFileSync(join(root, plain.filePath as string), 'utf8'))).toMatch(/^按约归还/);
    expect(plain.data).toMatchObject({ title: '租机押金能退吗', category: 'leasing', faq: [{ question: '押金多久退？' }] });

    const component = entries.get('deposit-callout')!;
    expect(component.deferredRender).toBe(true);
    expect(component.rendered).toBeUndefined();
    expect([...moduleImports]).toEqual(['articles/deposit-callout.mdx']);
    expect(info.join('\n')).toContain('2 篇纯 Markdown 文章不经 MDX 编译，1 篇用到 MDX 的文章编译为模块');
  });

  it('sends everything through MDX when asked', async () => {
    const { context, entries, moduleImports } = await loaderContext(site());
    await articleLoader({ base: 'articles', allMdx: true }).load(context);
    expect([...entries.values()].every((e) => e.deferredRender === true)).toBe(true);
    expect(moduleImports.size).toBe(3);
  });

  it('on the next sync drops deleted articles and moves an edited one to the path it now needs', async () => {
    const memory = memoryStore();
    const dir = site();
    await articleLoader({ base: 'articles' }).load((await loaderContext(dir, memory)).context);
    rmSync(join(dir, 'articles', 'deposit-callout.mdx'));
    const fee = join(dir, 'articles', 'fee-to-apr.mdx');
    writeFileSync(fee, readFileSync(fee, 'utf8').replace('## 算完之后', '<KeyPoints>\n- 看实际年化\n</KeyPoints>\n\n## 算完之后'));
    await articleLoader({ base: 'articles' }).load((await loaderContext(dir, memory)).context);

    expect([...memory.entries.keys()].sort()).toEqual(['fee-to-apr', 'lease-deposit']);
    expect(memory.entries.get('fee-to-apr')).toMatchObject({ deferredRender: true });
    // And back: the unchanged text returns to the Markdown path under the all-MDX switch and off again.
    await articleLoader({ base: 'articles', allMdx: true }).load((await loaderContext(dir, memory)).context);
    expect(memory.entries.get('lease-deposit')).toMatchObject({ deferredRender: true });
    await articleLoader({ base: 'articles' }).load((await loaderContext(dir, memory)).context);
    expect(memory.entries.get('lease-deposit')!.deferredRender).toBeUndefined();
  });

  it('stops on two articles with the same slug, naming both files', async () => {
    const dir = site();
    const copy = join(dir, 'articles', 'copy.mdx');
    writeFileSync(copy, readFileSync(join(dir, 'articles', 'fee-to-apr.mdx'), 'utf8'));
    const { context } = await loaderContext(dir);
    await expect(articleLoader({ base: 'articles' }).load(context)).rejects.toThrow(/articles\/(copy|fee-to-apr)\.mdx: slug "fee-to-apr" 已被 articles\/(fee-to-apr|copy)\.mdx 使用/);
  });

  it('stops on a bad field before storing anything for that article', async () => {
    const dir = site();
    const file = join(dir, 'articles', 'lease-deposit.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('category: leasing', 'category: leasings'));
    const { context, entries } = await loaderContext(dir);
    await expect(articleLoader({ base: 'articles' }).load(context)).rejects.toThrow(/category 必须是 categories\.yaml 里的分类之一/);
    expect(entries.has('lease-deposit')).toBe(false);
  });

  it('lists .mdx files only, skipping hidden ones', () => {
    const dir = site();
    writeFileSync(join(dir, 'articles', '.draft.mdx'), '');
    writeFileSync(join(dir, 'articles', 'notes.md'), '');
    expect(listArticleFiles(join(dir, 'articles'))).toEqual(['deposit-callout.mdx', 'fee-to-apr.mdx', 'lease-deposit.mdx']);
  });
});

describe('renderPlainArticle', () => {
  it('renders a real article body with heading ids, tables and links, without a trailing newline', async () => {
    const { html, headings } = await renderPlainArticle(bodyOf('content/articles/aizuji-alipay-overview.mdx'));
    expect(headings[0]).toEqual({ depth: 2, slug: '这类信用租机服务的一般流程', text: '这类信用租机服务的一般流程' });
    expect(html).toContain('<h2 id="这类信用租机服务的一般流程">这类信用租机服务的一般流程</h2>');
    expect(html).toMatch(/<table>[\s\S]*<\/table>/);
    expect(html).toContain('<a href="/articles/alipay-lease-merchants/">');
    expect(html).not.toMatch(/\n$/);
  });

  it('marks links to other sites, as the configured Markdown processor does', async () => {
    const { html } = await renderPlainArticle('见[京东租机](https://www.jd.com/)和[市场监管总局](https://www.samr.gov.cn/)。');
    expect(html).toContain('<a href="https://www.jd.com/" rel="noopener noreferrer nofollow">京东租机<span class="external-mark">');
    expect(html).toContain('<a href="https://www.samr.gov.cn/" rel="noopener noreferrer">市场监管总局<span class="external-mark">');
  });
});

describe('topLevelFields', () => {
  it('reads the slug and dates of every real article as a full YAML parse does', () => {
    const keys = ['slug', 'publishedAt', 'updatedAt'] as const;
    for (const name of listArticleFiles('content/articles')) {
      const { yaml } = splitFrontmatter(readFileSync(join('content/articles', name), 'utf8'))!;
      const full = YAML.parse(yaml) as Record<string, unknown>;
      const expected = Object.fromEntries(keys.filter((k) => k in full).map((k) => [k, full[k]]));
      expect(topLevelFields(yaml, keys), name).toEqual(expected);
    }
  });

  it('reads top-level lines only, quoted or not, and gives nothing for a line that is not YAML', () => {
    const yaml = 'title: "租机"\nslug: "lease-deposit"\nfaq:\n  - question: "slug: 不是这个"\npublishedAt: 2026-03-01\n';
    expect(topLevelFields(yaml, ['slug', 'publishedAt', 'updatedAt'])).toEqual({ slug: 'lease-deposit', publishedAt: '2026-03-01' });
    expect(topLevelFields('slug: "没有闭合\n', ['slug'])).toEqual({});
  });
});
