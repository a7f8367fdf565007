/**
 * Light/dark theme without a flash. The page follows the system (prefers-color-scheme)
 * until the reader presses the toggle; a choice that differs from the system is kept in
 * localStorage, a choice equal to it is forgotten, so the page follows the system again.
 *
 * THEME_SCRIPT runs inline in <head>, before the first paint, and sets
 * <html data-theme="light|dark">. It also handles the toggle (event delegation), so the
 * toggle costs no extra request. It is a classic inline script: the Content Security
 * Policy allows it by its hash (src/lib/security.ts), never by 'unsafe-inline'. Written in
 * plain ES5 because it runs before anything else, on every browser.
 */
import { createHash } from 'node:crypto';

export const THEME_STORAGE_KEY = 'theme';

export const THEME_SCRIPT = `(function () {
  var root = document.documentElement;
  var media = window.matchMedia('(prefers-color-scheme: dark)');
  function system() { return media.matches ? 'dark' : 'light'; }
  function stored() {
    try { var t = localStorage.getItem('${THEME_STORAGE_KEY}'); return t === 'light' || t === 'dark' ? t : null; } catch (e) { return null; }
  }
  function apply(theme) {
    root.setAttribute('data-theme', theme);
    var buttons = document.querySelectorAll('[data-theme-toggle]');
    for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute('aria-pressed', theme === 'dark' ? 'true' : 'false');
  }
  function follow() { apply(stored() || system()); }
  follow();
  document.addEventListener('DOMContentLoaded', follow);
  window.addEventListener('storage', follow);
  if (media.addEventListener) media.addEventListener('change', follow); else if (media.addListener) media.addListener(follow);
  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!target || !target.closest || !target.closest('[data-theme-toggle]')) return;
    var next = root.getAttribute('data-theme') === 'dark' ? 'light' : 'dark';
    try {
      if (next === system()) localStorage.removeItem('${THEME_STORAGE_KEY}');
      else localStorage.setItem('${THEME_STORAGE_KEY}', next);
    } catch (e) {}
    apply(next);
  });
})();`;

/** CSP source for THEME_SCRIPT, in Astro's form (no quotes): 'sha256-…'. */
export const THEME_SCRIPT_HASH: `sha256-${string}` = `sha256-${createHash('sha256').update(THEME_SCRIPT, 'utf8').digest('base64')}`;
