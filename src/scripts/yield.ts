/**
 * Ends the current task so the browser can paint and handle input before the rest runs
 * (scheduler.yield() where supported: the rest then runs before other queued tasks).
 * Long work on the search page is cut into such slices: a task over 50 ms is "blocking"
 * (Lighthouse's Total Blocking Time) and delays every tap.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves once the browser has rendered a frame, so DOM added before it is laid out in
 * that frame and DOM added after it in a later one (a hidden tab renders no frames: there
 * it resolves after 100 ms).
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}
