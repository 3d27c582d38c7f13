/** The per-phase figures the build log and `npm run bench` print. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addSpan, addWork, formatPhases, phaseRecord, resetPhases, timeWork, timeWorkAsync } from '../../src/lib/build-phases.ts';

beforeEach(() => resetPhases());

describe('build phases', () => {
  it('adds spans and work totals with their call counts, in the order first seen', () => {
    addSpan('validation', 1500);
    addSpan('content sync', 250);
    addWork('share images', 20);
    addWork('share images', 30);
    expect(phaseRecord()).toEqual({
      spans: { validation: { ms: 1500, count: 1 }, 'content sync': { ms: 250, count: 1 } },
      work: { 'share images': { ms: 50, count: 2 } },
    });
    expect(formatPhases(phaseRecord())).toBe('validation 1.50 s, content sync 0.25 s; work within them: share images 0.05 s (2 calls)');
  });

  it('times work that returns, and work that throws, and passes the result or error through', async () => {
    expect(timeWork('diagrams', () => 42)).toBe(42);
    expect(() => timeWork('diagrams', () => {
      throw new Error('broken diagram');
    })).toThrow('broken diagram');
    await expect(timeWorkAsync('text diagrams', async () => 'svg')).resolves.toBe('svg');
    await expect(timeWorkAsync('text diagrams', () => Promise.reject(new Error('bad fence')))).rejects.toThrow('bad fence');
    expect(phaseRecord().work['diagrams']?.count).toBe(2);
    expect(phaseRecord().work['text diagrams']?.count).toBe(2);
  });

  it('counts overlapping awaited calls once in the time, and each call in the count', async () => {
    let now = 1000;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      const gates: Array<() => void> = [];
      const call = () => timeWorkAsync('text diagrams', () => new Promise<void>((resolve) => gates.push(resolve)));
      const first = call(); // starts at 1000
      now = 1100;
      const second = call(); // overlaps the first
      now = 1300;
      gates[0]!();
      await first;
      now = 1500;
      gates[1]!();
      await second; // both ran from 1000 to 1500: 500 ms, not 300 + 400
      now = 2000;
      const third = call(); // alone, 2000 to 2050
      now = 2050;
      gates[2]!();
      await third;
      expect(phaseRecord().work['text diagrams']).toEqual({ ms: 550, count: 3 });
    } finally {
      clock.mockRestore();
    }
  });

  it('is one record per process, whichever copy of the module adds to it', async () => {
    addWork('diagrams', 5);
    const copy = await import('../../src/lib/build-phases.ts?copy' as string) as typeof import('../../src/lib/build-phases.ts');
    copy.addWork('diagrams', 5);
    expect(phaseRecord().work['diagrams']).toEqual({ ms: 10, count: 2 });
  });
});
