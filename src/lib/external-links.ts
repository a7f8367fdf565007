/**
 * Links that leave the site. In article Markdown/MDX every link to another host gets
 * rel="noopener noreferrer" (the other site learns nothing about the reader's page and
 * cannot reach back into it), "nofollow" unless the host is a public authority (we do
 * not vouch for merchants, lenders or platforms), and a visible "↗" with the accessible
 * text “（站外链接）” so readers know they are leaving before they click.
 *
 * externalLink() decides; externalLinksPlugin() applies it inside Astro's Markdown
 * processor (Sätteri hast plugin, registered in astro.config.mjs).
 */
import type { Element, ElementContent } from 'hast';
import type { HastPluginDefinition } from 'satteri';

/** Hosts (and their subdomains) that are public authorities, not commercial: links to them keep "follow". */
export const NON_COMMERCIAL_HOSTS = ['gov.cn', 'edu.cn', 'gov', 'edu', '12315.cn', 'court.gov.cn', 'wikipedia.org'] as const;

export const EXTERNAL_MARK_TEXT = '（站外链接）';

export interface ExternalLinkOptions {
  /** The site's own URL (SITE.url); links to its host are internal. */
  siteUrl: string;
  nonCommercialHosts?: readonly string[];
}

export interface ExternalLinkDecision {
  /** The full rel list: what the author wrote plus what this policy adds. */
  rel: string[];
  commercial: boolean;
  host: string;
}

function hostMatches(host: string, suffix: string): boolean {
  return host === suffix || host.endsWith(`.${suffix}`);
}

/** What to do with a link: undefined when it stays on the site (or is not a web link). */
export function externalLink(href: unknown, existingRel: unknown, options: ExternalLinkOptions): ExternalLinkDecision | undefined {
  if (typeof href !== 'string') return undefined;
  const trimmed = href.trim();
  // Relative links and fragments stay here; mailto:, tel: and the like are not web pages.
  if (!/^(https?:)?\/\//i.test(trimmed)) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed, options.siteUrl);
  } catch {
    return undefined;
  }
  const siteHost = new URL(options.siteUrl).hostname.toLowerCase();
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host === siteHost || host === `www.${siteHost}` || `www.${host}` === siteHost) return undefined;
  const commercial = !(options.nonCommercialHosts ?? NON_COMMERCIAL_HOSTS).some((suffix) => hostMatches(host, suffix));
  const given = Array.isArray(existingRel) ? existingRel.map(String) : typeof existingRel === 'string' ? existingRel.split(/\s+/) : [];
  const rel = [...new Set([...given.filter(Boolean).map((r) => r.toLowerCase()), 'noopener', 'noreferrer', ...(commercial ? ['nofollow'] : [])])];
  return { rel, commercial, host };
}

/** The visible mark appended inside an external link: an arrow for the eye, words for screen readers. */
export function externalMark(): Element {
  const span = (properties: Element['properties'], children: ElementContent[]): Element => ({ type: 'element', tagName: 'span', properties, children });
  return span({ className: ['external-mark'] }, [
    span({ ariaHidden: 'true' }, [{ type: 'text', value: '↗' }]),
    span({ className: ['visually-hidden'] }, [{ type: 'text', value: EXTERNAL_MARK_TEXT }]),
  ]);
}

/** The Sätteri hast plugin: marks every external <a> in an article. */
export function externalLinksPlugin(options: ExternalLinkOptions): HastPluginDefinition {
  return {
    name: 'external-links',
    element: {
      filter: ['a'],
      visit(node, ctx) {
        const decision = externalLink(node.properties?.href, node.properties?.rel, options);
        if (!decision) return;
        ctx.setProperty(node, 'rel', decision.rel);
        ctx.appendChild(node, externalMark());
      },
    },
  };
}
