/**
 * How fast this machine's CPU is right now: a fixed amount of integer arithmetic, timed
 * in seconds. The machines share their host, and its load moves every timing here (the
 * same 10,000-article build took 145 s and 172 s an hour apart, while this loop took
 * 0.4 s and 1.2 s), so the benchmark prints it before and after each build.
 */
export function speedProbe(iterations = 300_000_000): number {
  const started = performance.now();
  let sum = 0;
  for (let i = 0; i < iterations; i++) sum += i % 7;
  // Using the sum keeps the loop from being optimised away.
  if (sum < 0) throw new Error('unreachable');
  return (performance.now() - started) / 1000;
}
