/**
 * The editable search data in content/search/: synonym groups and typo corrections
 * (synonyms.yaml), reader phrasings per article (aliases.yaml) and the articles to
 * suggest when nothing matches (featured.yaml). Each parser validates the file and
 * reports mistakes as "file:line  what is wrong and how to fix it".
 */
import YAML, { isMap, isScalar, isSeq, LineCounter, type Node } from 'yaml';
import { normalizeText } from './normalize.ts';

export class SearchDataError extends Error {
  readonly file: string;
  readonly line: number;
  constructor(file: string, line: number, detail: string) {
    super(`${file}:${line}  ${detail}`);
    this.name = 'SearchDataError';
    this.file = file;
    this.line = line;
  }
}

export interface Synonyms {
  /** Groups of interchangeable terms, normalised (lower case, no spaces). */
  groups: string[][];
  /** One-way fixes for common typos, normalised: [wrong, right]. */
  corrections: [string, string][];
}

interface Parsed {
  file: string;
  root: Node | null;
  line: (node: Node | null | undefined) => number;
}

function parse(file: string, text: string): Parsed {
  const counter = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const line = counter.linePos(error.pos[0]).line;
    throw new SearchDataError(file, line, `YAML 写法有误（${error.code}）：检查这一行的缩进、冒号和方括号是否成对。`);
  }
  return {
    file,
    root: doc.contents as Node | null,
    line: (node) => (node?.range ? counter.linePos(node.range[0]).line : 1),
  };
}

function term(p: Parsed, node: unknown, what: string): string {
  if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) {
    throw new SearchDataError(p.file, p.line(node as Node), `${what}必须是一个词（字符串），例如 租机。`);
  }
  const normalized = normalizeText(String(node.value));
  if (normalized === '') throw new SearchDataError(p.file, p.line(node), `${what}是空的：写一个词，或删掉这一项。`);
  return normalized;
}

export function parseSynonyms(file: string, text: string): Synonyms {
  const p = parse(file, text);
  if (p.root === null) return { groups: [], corrections: [] };
  if (!isMap(p.root)) throw new SearchDataError(file, p.line(p.root), '文件最外层应是 synonyms: 和 corrections: 两个小节。');
  const groups: string[][] = [];
  const corrections: [string, string][] = [];
  const seen = new Map<string, number>();
  for (const pair of p.root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    if (key === 'synonyms') {
      if (value === null) continue;
      if (!isSeq(value)) throw new SearchDataError(file, p.line(value), 'synonyms 下面应是一组组的同义词，每组一行，例如：- [零首付, 0首付, 免首付]');
      for (const item of value.items as Node[]) {
        if (!isSeq(item)) throw new SearchDataError(file, p.line(item), '每组同义词要写在方括号里，至少两个词，例如：- [租机, 租手机]');
        const words = [...new Set((item.items as Node[]).map((n) => term(p, n, '同义词')))];
        const single = words.find((w) => [...w].length < 2);
        if (single) throw new SearchDataError(file, p.line(item), `“${single}”只有一个字，会匹配到太多无关的文章：换成词语（例如把“坑”写成“坑人”），或删掉它。`);
        if (words.length < 2) throw new SearchDataError(file, p.line(item), '一组同义词至少要有两个不同的词，例如：- [征信, 信用报告]');
        for (const word of words) {
          const other = seen.get(word);
          if (other !== undefined) {
            throw new SearchDataError(file, p.line(item), `“${word}”已经出现在第 ${other} 行的那一组里：把两组合并成一组，或删掉其中一处。`);
          }
          seen.set(word, p.line(item));
        }
        groups.push(words);
      }
    } else if (key === 'corrections') {
      if (value === null) continue;
      if (!isMap(value)) throw new SearchDataError(file, p.line(value), 'corrections 下面每行写“错误写法: 正确写法”，例如：正信: 征信');
      for (const c of value.items) {
        const wrong = term(p, c.key, '错误写法');
        const right = term(p, c.value, `“${wrong}”的正确写法`);
        if (wrong === right) throw new SearchDataError(file, p.line(c.key as Node), `“${wrong}”的纠正结果和原词相同：删掉这一行。`);
        corrections.push([wrong, right]);
      }
    } else {
      throw new SearchDataError(file, p.line(pair.key as Node), `不认识的小节“${key}”：这个文件只能有 synonyms: 和 corrections:。`);
    }
  }
  return { groups, corrections };
}

/** aliases.yaml: slug → phrases readers use for that article. */
export function parseAliases(file: string, text: string, knownSlugs: ReadonlySet<string>): Map<string, string[]> {
  const p = parse(file, text);
  const aliases = new Map<string, string[]>();
  if (p.root === null) return aliases;
  if (!isMap(p.root)) throw new SearchDataError(file, p.line(p.root), '每行写“文章slug: [别名, 别名]”，例如：locked-installment-phone: [锁机, 手机被锁]');
  for (const pair of p.root.items) {
    const slug = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!knownSlugs.has(slug)) throw new SearchDataError(file, p.line(pair.key as Node), `没有 slug 为“${slug}”的文章：检查拼写，或看 content/articles/ 里文章的 slug。`);
    const value = pair.value as Node | null;
    if (!isSeq(value)) throw new SearchDataError(file, p.line(value ?? (pair.key as Node)), `“${slug}”的别名要写成列表，例如：${slug}: [别名一, 别名二]`);
    aliases.set(slug, (value.items as Node[]).map((n) => String((n as { value?: unknown }).value ?? '')).map((s, i) => {
      if (normalizeText(s) === '') throw new SearchDataError(file, p.line((value.items as Node[])[i]), `“${slug}”有一个空的别名：删掉它。`);
      return s.trim();
    }));
  }
  return aliases;
}

/** featured.yaml: slugs of the articles offered when a search finds nothing. */
export function parseFeatured(file: string, text: string, knownSlugs: ReadonlySet<string>): string[] {
  const p = parse(file, text);
  if (p.root === null) return [];
  if (!isSeq(p.root)) throw new SearchDataError(file, p.line(p.root), '写成文章 slug 的列表，每行一个，例如：- phone-leasing-explained');
  return (p.root.items as Node[]).map((node) => {
    const slug = isScalar(node) ? String(node.value) : '';
    if (!knownSlugs.has(slug)) throw new SearchDataError(file, p.line(node), `没有 slug 为“${slug}”的文章：检查拼写，或看 content/articles/ 里文章的 slug。`);
    return slug;
  });
}
