/**
 * Runs tasks in order, at most limit() at a time. The limit may change while they run
 * (the build indexes one search shard at a time while Astro renders, two afterwards):
 * call wake() when it may have grown. `done` gives the results in task order, or
 * rejects with the first failure, after which no further task starts.
 */
export function taskPool<T>(tasks: readonly (() => Promise<T>)[], limit: () => number): { done: Promise<T[]>; wake: () => void } {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  let running = 0;
  let failed = false;
  let settle!: { resolve: (results: T[]) => void; reject: (error: unknown) => void };
  const done = new Promise<T[]>((resolve, reject) => (settle = { resolve, reject }));
  const wake = () => {
    while (!failed && next < tasks.length && running < Math.max(1, limit())) {
      const at = next++;
      running++;
      tasks[at]!().then(
        (result) => {
          results[at] = result;
          running--;
          if (next === tasks.length && running === 0) settle.resolve(results);
          else wake();
        },
        (error: unknown) => {
          failed = true;
          settle.reject(error);
        },
      );
    }
  };
  if (tasks.length === 0) settle.resolve(results);
  else wake();
  return { done, wake };
}
