/**
 * A worker that only creates a Chinese word segmenter. The first Intl.Segmenter('zh',
 * { granularity: 'word' }) in a tab loads ICU's Chinese dictionary, ~60 ms on a laptop
 * and several times that on a phone; the dictionary is shared by every thread of the tab,
 * so loading it here, while /search/suggest.json downloads, spares the main thread
 * (src/lib/search/query.ts segments every query). Started by src/scripts/search-page.ts.
 */
[...new Intl.Segmenter('zh', { granularity: 'word' }).segment('租机押金')];
postMessage('ready');
close();
