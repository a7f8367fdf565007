/**
 * The benchmark's numbers and how they are printed: one Markdown table, one row per run,
 * so that runs can be pasted into an issue and compared.
 */

export interface BenchResult {
  /** "real" for the site's own content, else the number of generated articles. */
  label: string;
  articles: number;
  /** HTML pages in the output. */
  pages: number;
  wallSeconds: number;
  /** User + system CPU seconds of the whole build tree, when measured. */
  cpuSeconds?: number;
  /** Peak of the summed resident memory of the build's whole process tree. */
  peakRssBytes: number;
  distBytes: number;
  distFiles: number;
  pagefindBytes: number;
  pagefindFiles: number;
  /** Gzipped bytes of everything a first visit to an article page fetches. */
  firstVisitGzip: number;
  /**
   * Gzipped bytes each benchmark query's first search fetches on top of the article
   * visit, and whether it needed the full text (Pagefind) or the instant layer answered.
   */
  firstSearches: { gzip: number; fullText: boolean }[];
  /** Seconds per build phase, in order. */
  phases: [string, number][];
}

const KB = 1024;
const MB = 1024 * KB;
const GIB = 1024 * MB;

export const formatBytes = (bytes: number) =>
  bytes >= GIB ? `${(bytes / GIB).toFixed(2)} GiB` : bytes >= MB ? `${(bytes / MB).toFixed(1)} MiB` : `${(bytes / KB).toFixed(1)} KiB`;

export function formatTable(results: readonly BenchResult[]): string {
  const head = ['N', 'wall', 'CPU (user+sys)', 'peak RSS (tree)', 'pages/s', 'dist size', 'dist files', 'Pagefind index', 'article 1st visit (gz)', '1st search A (gz)', '1st search B (gz)'];
  const rows = results.map((r) => [
    r.label,
    `${r.wallSeconds.toFixed(1)} s`,
    r.cpuSeconds === undefined ? '–' : `${r.cpuSeconds.toFixed(1)} s`,
    formatBytes(r.peakRssBytes),
    (r.pages / r.wallSeconds).toFixed(1),
    formatBytes(r.distBytes),
    String(r.distFiles),
    `${formatBytes(r.pagefindBytes)} / ${r.pagefindFiles} files`,
    formatBytes(r.firstVisitGzip),
    ...[0, 1].map((i) => {
      const search = r.firstSearches[i];
      return search ? `${formatBytes(search.gzip)}${search.fullText ? ' (full text)' : ''}` : '–';
    }),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** RSS of a process and each of its descendants (name from /proc/<pid>/stat), from /proc/<pid>/stat and statm texts. */
export function treeMembers(root: number, processes: ReadonlyMap<number, { stat: string; statm: string }>, pageSize = 4096): { pid: number; name: string; bytes: number }[] {
  const children = new Map<number, number[]>();
  for (const [pid, { stat }] of processes) {
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const parent = Number(fields[1]);
    let list = children.get(parent);
    if (!list) children.set(parent, (list = []));
    list.push(pid);
  }
  const members: { pid: number; name: string; bytes: number }[] = [];
  const queue = [root];
  const seen = new Set<number>();
  while (queue.length) {
    const pid = queue.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    const entry = processes.get(pid);
    if (entry) members.push({ pid, name: entry.stat.slice(entry.stat.indexOf('(') + 1, entry.stat.lastIndexOf(')')), bytes: Number(entry.statm.split(' ')[1]) * pageSize });
    queue.push(...(children.get(pid) ?? []));
  }
  return members;
}

/** Summed RSS of a process and all its descendants. */
export function treeRss(root: number, processes: ReadonlyMap<number, { stat: string; statm: string }>, pageSize = 4096): number {
  return treeMembers(root, processes, pageSize).reduce((total, m) => total + m.bytes, 0);
}
