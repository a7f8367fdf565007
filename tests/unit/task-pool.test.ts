import { describe, expect, it } from 'vitest';
import { taskPool } from '../../src/lib/task-pool.ts';

/** A task that records how many ran at once and finishes when told to. */
function harness(count: number) {
  let running = 0;
  const peaks: number[] = [];
  const started: number[] = [];
  const finish: (() => void)[] = [];
  const tasks = Array.from({ length: count }, (_, i) => () => {
    started.push(i);
    running++;
    peaks.push(running);
    return new Promise<number>((resolve) => finish.push(() => (running--, resolve(i * 10))));
  });
  return { tasks, peaks, started, finish };
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('taskPool', () => {
  it('runs tasks in order within the limit and returns results in task order', async () => {
    const h = harness(5);
    const pool = taskPool(h.tasks, () => 2);
    await tick();
    expect(h.started).toEqual([0, 1]);
    h.finish[1]!();
    await tick();
    expect(h.started).toEqual([0, 1, 2]);
    while (h.started.length < 5 || h.finish.length > 0) {
      h.finish.shift()?.();
      await tick();
    }
    await expect(pool.done).resolves.toEqual([0, 10, 20, 30, 40]);
    expect(Math.max(...h.peaks)).toBe(2);
  });

  it('raises its concurrency when the limit grows and wake() is called', async () => {
    const h = harness(4);
    let limit = 1;
    const pool = taskPool(h.tasks, () => limit);
    await tick();
    expect(h.started).toEqual([0]);
    limit = 2;
    pool.wake();
    expect(h.started).toEqual([0, 1]);
    for (let i = 0; i < 4; i++) {
      h.finish.shift()!();
      await tick();
    }
    await expect(pool.done).resolves.toHaveLength(4);
    expect(Math.max(...h.peaks)).toBe(2);
  });

  it('rejects with the first failure and starts nothing after it', async () => {
    const started: number[] = [];
    const tasks = [0, 1, 2].map((i) => () => (started.push(i), i === 0 ? Promise.reject(new Error('分片 0 失败')) : new Promise<number>(() => {})));
    await expect(taskPool(tasks, () => 1).done).rejects.toThrow('分片 0 失败');
    expect(started).toEqual([0]);
  });

  it('is done at once with no tasks', async () => {
    await expect(taskPool([], () => 2).done).resolves.toEqual([]);
  });
});
