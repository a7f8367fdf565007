/**
 * Writes _headers (Netlify, Cloudflare Pages) into the built site after every Astro
 * build, from the policy in src/lib/security.ts, with a revalidation rule for each
 * top-level page folder and file that the build produced.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile } from '../lib/security.ts';

export function securityHeaders(): AstroIntegration {
  return {
    name: 'security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const routes = readdirSync(root, { withFileTypes: true })
          .filter((entry) => entry.name !== 'index.html')
          .map((entry) => (entry.isDirectory() ? `/${entry.name}/` : `/${entry.name}`));
        // Pagefind writes /pagefind/ after Astro; its hashed folders have their own rules.
        writeFileSync(`${root}/_headers`, headersFile([...routes, '/pagefind/']));
        logger.info('wrote _headers');
      },
    },
  };
}
