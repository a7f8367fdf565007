/**
 * Related articles for scripts/build.ts, in a worker thread: at 10,000 articles the
 * ranking holds about a gigabyte while it runs, which the build process would otherwise
 * keep for the rest of the build (a heap does not shrink back); a worker's memory is
 * returned when it ends. It also runs beside the search indexing instead of before it.
 * Receives the articles as workerData, writes RELATED_FILE's file, then posts 'done'.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { computeRelated, type RelatedInput } from '../src/lib/related.ts';
import { writeRelatedFile } from '../src/lib/related-file.ts';

const { file, articles } = workerData as { file: string; articles: RelatedInput[] };
writeRelatedFile(file, computeRelated(articles));
parentPort!.postMessage('done');
