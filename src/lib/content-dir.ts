import { isAbsolute, relative } from 'node:path';

/**
 * Where the articles and site data live, relative to the project root. Tests and the
 * benchmark point CONTENT_DIR at a fixture or generated folder; the real site uses ./content.
 */
const configured = (process.env.CONTENT_DIR ?? 'content').replace(/\/+$/, '');
export const contentDir = isAbsolute(configured) ? relative(process.cwd(), configured) : configured;
