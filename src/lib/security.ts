/**
 * The site's security and caching policy, in one place. astro.config.mjs gives Astro the
 * Content Security Policy (Astro writes it as a <meta http-equiv> into every page, adding
 * the hashes of the scripts and styles it bundles); the same policy, plus what only a
 * header can carry (frame-ancestors), goes into the headers for static hosts:
 * dist/_headers (Netlify, Cloudflare Pages; written after each build) and
 * deploy/nginx.conf (written by `npm run deploy:nginx`). Change the policy here only.
 *
 * Why each source is allowed:
 * - script-src 'self': Astro's bundled scripts in /_astro/, Pagefind's /pagefind/*.js;
 *   'wasm-unsafe-eval': Pagefind compiles its WebAssembly search engine (no JS eval);
 *   the theme script's hash: the one inline script, run before paint (src/lib/theme.ts).
 * - style-src 'self': every stylesheet is a file in /_astro/ (build.inlineStylesheets is
 *   'never'), so no inline <style> and no style="" attributes are needed.
 * - worker-src 'self': Pagefind searches in /pagefind/pagefind-worker.js.
 * - connect-src 'self': Pagefind fetches its index and fragments.
 * - img-src data: small inline icons in CSS.
 * JSON-LD (<script type="application/ld+json">) is data, never executed, so CSP ignores it.
 */
import { THEME_SCRIPT_HASH } from './theme.ts';

/** Directives other than script-src and style-src, valid in a <meta> and in a header. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** Browsers ignore (and warn about) these in a <meta> policy; they only work as headers. */
export const HEADER_ONLY_CSP_DIRECTIVES = ["frame-ancestors 'none'"] as const;

export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;
export const SCRIPT_HASHES = [THEME_SCRIPT_HASH] as const;
export const STYLE_SOURCES = ["'self'"] as const;

/** The value of astro.config.mjs `security.csp`. */
export function astroCsp() {
  return {
    algorithm: 'SHA-256' as const,
    directives: [...CSP_DIRECTIVES],
    scriptDirective: { resources: [...SCRIPT_SOURCES], hashes: [...SCRIPT_HASHES] },
    styleDirective: { resources: [...STYLE_SOURCES] },
  };
}

/**
 * The policy as an HTTP header. Astro's meta also lists hashes of the bundled files in
 * /_astro/; they are same-origin files, already allowed here by 'self'. A page gets both
 * policies and the browser enforces both, so the header must allow everything the meta does.
 */
export function headerCsp(): string {
  return [
    ...CSP_DIRECTIVES,
    ...HEADER_ONLY_CSP_DIRECTIVES,
    `script-src ${[...SCRIPT_SOURCES, ...SCRIPT_HASHES.map((h) => `'${h}'`)].join(' ')}`,
    `style-src ${STYLE_SOURCES.join(' ')}`,
  ].join('; ');
}

/** Headers for every response. */
export function securityHeaders(): [name: string, value: string][] {
  return [
    ['Content-Security-Policy', headerCsp()],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()'],
    // frame-ancestors above is the modern form; X-Frame-Options covers old browsers.
    ['X-Frame-Options', 'DENY'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    // Two years, subdomains included. Add "; preload" only after submitting to hstspreload.org.
    ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'],
  ];
}

export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_REVALIDATE = 'public, max-age=0, must-revalidate';

/**
 * Folders whose file names change whenever their content changes, so a browser may keep
 * them for a year without asking: Astro's hashed bundles and Pagefind's hashed index
 * chunks and fragments. Pagefind's entry files (pagefind.js, pagefind-entry.json, the
 * .pagefind wasm) keep their names across builds, so they revalidate like HTML.
 */
export const IMMUTABLE_FOLDERS = ['/_astro/', '/pagefind/index/', '/pagefind/fragment/', '/pagefind/filter/'] as const;

/**
 * dist/_headers for Netlify and Cloudflare Pages. `routes` are the top-level entries of the
 * built site (folders as "/name/", files as "/name.ext"), so every page gets an explicit
 * revalidation rule. Rules never overlap on Cache-Control: both hosts merge headers of all
 * matching rules (Cloudflare joins equal names with a comma), so "/*" carries no Cache-Control.
 */
export function headersFile(routes: string[]): string {
  const block = (pattern: string, headers: [string, string][]) => [pattern, ...headers.map(([n, v]) => `  ${n}: ${v}`)].join('\n');
  const revalidated = routes
    // /pagefind/ itself is left out: its stable-named files (pagefind.js, the .pagefind
    // wasm) get the hosts' default, which is revalidation on Netlify and Cloudflare Pages.
    .filter((r) => !IMMUTABLE_FOLDERS.some((f) => f.startsWith(r)) && r !== '/_headers' && r !== '/_redirects')
    .sort()
    .flatMap((r) => (r.endsWith('/') ? [r, `${r}*`] : [r]));
  return [
    '# Generated by src/lib/security.ts at build time. Edit the policy there, not here.',
    '# Netlify and Cloudflare Pages read this file from the root of the published folder.',
    '',
    block('/*', securityHeaders()),
    '',
    ...IMMUTABLE_FOLDERS.map((f) => block(`${f}*`, [['Cache-Control', CACHE_IMMUTABLE]]) + '\n'),
    '# Pages and files with stable names: use the cached copy only after checking it is current.',
    block('/', [['Cache-Control', CACHE_REVALIDATE]]),
    ...revalidated.map((r) => block(r, [['Cache-Control', CACHE_REVALIDATE]])),
    '',
  ].join('\n');
}

/** deploy/nginx.conf: the same headers for a server block serving dist/. */
export function nginxConf(): string {
  // add_header in a location replaces every add_header inherited from outside it, so each
  // location repeats the full set (that is why this file is generated).
  const headers = (cache: string, indent: string) =>
    [...securityHeaders(), ['Cache-Control', cache] as [string, string]]
      .map(([n, v]) => `${indent}add_header ${n} "${v}" always;`)
      .join('\n');
  const immutable = IMMUTABLE_FOLDERS.map(
    (f) => `    location ^~ ${f} {\n${headers(CACHE_IMMUTABLE, '        ')}\n        try_files $uri =404;\n    }`,
  ).join('\n\n');
  return `# Generated by \`npm run deploy:nginx\` from src/lib/security.ts. Edit the policy there, not here.
# A server block for the built site: copy dist/ to /srv/fenqi/dist (or change root), put
# TLS in front (certbot, or your load balancer) and include this file in nginx's http {}.
# See deploy/README.md.

server {
    listen 80;
    listen [::]:80;
    # listen 443 ssl; http2 on; ssl_certificate …; ssl_certificate_key …;
    server_name fenqi.example.com;

    root /srv/fenqi/dist;
    index index.html;
    charset utf-8;
    server_tokens off;
    # Astro writes every page as /path/index.html and links with a trailing slash.
    absolute_redirect off;

    types {
        application/wasm wasm;
        application/octet-stream pagefind pf_meta pf_index pf_fragment pf_filter;
    }

    gzip on;
    gzip_vary on;
    gzip_types text/css text/javascript application/javascript application/json application/xml image/svg+xml application/wasm application/octet-stream;

    # Redirects of moved pages, if the project ships them for nginx (deploy/README.md):
    # include /srv/fenqi/deploy/nginx-redirects.conf;

    error_page 404 /404.html;

    # Hashed file names: cache for a year, never revalidate.
${immutable}

    # Pages and files with stable names: revalidate every time (ETag / Last-Modified).
    location / {
${headers(CACHE_REVALIDATE, '        ')}
        try_files $uri $uri/ =404;
    }

    location = /404.html {
${headers(CACHE_REVALIDATE, '        ')}
        internal;
    }
}
`;
}
