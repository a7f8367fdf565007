import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleDays, readArticleDays, scanArticleDays, writeArticleDays } from '../../src/lib/sitemap-dates.ts';
import { readArticles } from '../support/content.ts';

describe('the sitemap dates', () => {
  it('take updatedAt, else publishedAt, and leave out articles without a slug or a day', () => {
    const days = articleDays([
      { slug: 'updated', publishedAt: '2026-03-01', updatedAt: '2026-11-20' },
      { slug: 'published', publishedAt: '2026-03-01' },
      { slug: 'dated', publishedAt: new Date('2026-05-02') },
      { slug: 'undated' },
      { publishedAt: '2026-03-01' },
    ]);
    expect([...days].map(([slug, day]) => [slug, day.toISOString()])).toEqual([
      ['updated', '2026-11-20T00:00:00.000Z'],
      ['published', '2026-03-01T00:00:00.000Z'],
      ['dated', '2026-05-02T00:00:00.000Z'],
    ]);
  });

  it('are the same from the content pass (full frontmatter) as from the sources, for every real article', () => {
    const fromContentPass = articleDays(readArticles().map((a) => a.data));
    expect(fromContentPass.size).toBe(readArticles().length);
    expect(scanArticleDays('content')).toEqual(fromContentPass);
  });

  it('come back from the handoff file as they were written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitemap-dates-'));
    try {
      const days = articleDays(readArticles().map((a) => a.data));
      writeArticleDays(join(dir, 'dates.json'), days);
      expect(await readArticleDays(join(dir, 'dates.json'))).toEqual(days);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
