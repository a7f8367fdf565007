/**
 * Quick report for writers: for each article (or the files named), the numbers the
 * content rules check — Han characters, `##` sections, FAQ items, description length,
 * links to other articles — and its most similar neighbour.
 * Usage: npm run check:articles [-- content/articles/a.mdx ...]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { articleLinks, countHanChars, h2Headings, jaccard, proseOf, shingles } from '../src/lib/article-text.ts';

const dir = 'content/articles';
const all = readdirSync(dir).filter((f) => f.endsWith('.mdx')).map((f) => join(dir, f));
const targets = process.argv.slice(2).length ? process.argv.slice(2) : all;

function load(file: string) {
  const raw = readFileSync(file, 'utf8');
  const m = raw.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/);
  if (!m) throw new Error(`${file}: frontmatter must start and end with a line of three dashes (---)`);
  return { file, data: YAML.parse(m[1]!) as Record<string, any>, body: m[2]! };
}

// Files another writer is still editing may not parse yet: leave them out of the comparison.
const docs = all.flatMap((file) => {
  try {
    return [load(file)];
  } catch {
    return [];
  }
});
const planned = YAML.parse(readFileSync('content/plan.yaml', 'utf8')).articles as { slug: string }[];
const slugs = new Set([...planned.map((a) => a.slug), ...docs.map((d) => d.data.slug)]);
const sets = new Map(docs.map((d) => [d.file, shingles(proseOf(d.body))]));
let failed = 0;
for (const file of targets) {
  const d = load(file);
  const problems: string[] = [];
  const han = countHanChars(d.body);
  const h2 = h2Headings(d.body).length;
  const faq = Array.isArray(d.data.faq) ? d.data.faq.length : 0;
  const desc = [...String(d.data.description ?? '')].length;
  const links = articleLinks(d.body);
  const distinct = new Set(links.map((l) => l.slug).filter((s) => s !== d.data.slug));
  if (han < 1200 || han > 3000) problems.push(`body has ${han} Han characters (need 1200–3000)`);
  if (h2 < 3 || h2 > 6) problems.push(`${h2} ## sections (need 3–6)`);
  if (faq < 3 || faq > 5) problems.push(`${faq} FAQ items (need 3–5)`);
  if (desc < 50 || desc > 120) problems.push(`description is ${desc} characters (need 50–120)`);
  if (distinct.size < 3) problems.push(`${distinct.size} distinct links to other articles (need 3+)`);
  for (const l of links) if (!slugs.has(l.slug)) problems.push(`line ${l.line}: link to unknown article /articles/${l.slug}/`);
  let best = { file: '', score: 0 };
  for (const other of docs) {
    if (other.file === d.file) continue;
    const s = jaccard(sets.get(file) ?? shingles(proseOf(d.body)), sets.get(other.file)!);
    if (s > best.score) best = { file: other.file, score: s };
  }
  if (best.score > 0.12) problems.push(`too similar to ${best.file} (Jaccard ${best.score.toFixed(3)} > 0.12)`);
  console.log(`${problems.length ? '✗' : '✓'} ${file}: ${han} 字, ${h2} 节, ${faq} FAQ, 描述 ${desc} 字, ${distinct.size} 个站内链接, 最相似 ${best.score.toFixed(3)} ${best.file}`);
  for (const p of problems) console.log(`    - ${p}`);
  if (problems.length) failed++;
}
process.exitCode = failed ? 1 : 0;
