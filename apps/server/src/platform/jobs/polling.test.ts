import { describe, expect, it } from 'vitest';
import { startPolling } from './polling.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('startPolling', () => {
  it('runs at once, on wake and on the timer, never two passes at a time, survives a failing pass, and stop() waits', async () => {
    let running = 0;
    let overlapped = false;
    let passes = 0;
    const warnings: string[] = [];
    const loop = startPolling(async () => {
      running++;
      if (running > 1) overlapped = true;
      passes++;
      await sleep(30);
      running--;
      if (passes === 2) throw new Error('database went away');
    }, { intervalMs: 50, log: { warn: (_o, msg) => warnings.push(msg) }, name: 'test' });
    for (let i = 0; i < 5; i++) loop.wake();
    await sleep(300);
    await loop.stop();
    const after = passes;
    expect(passes).toBeGreaterThanOrEqual(3);
    expect(overlapped).toBe(false);
    expect(running).toBe(0); // stop() returned after the pass in flight finished
    expect(warnings).toEqual(['test loop failed']);
    await sleep(120);
    expect(passes).toBe(after); // nothing runs after stop()
  });
});
