/**
 * A small pool of worker threads running render-worker.mjs. Rendering a card is ~25 ms of
 * CPU, and a cold build of 1,000 case studies would spend half a minute doing it on one
 * thread; with the cards queued up front (renderer.prefetch) the pool uses every core while
 * the build waits. Hand-written because it is ~80 lines and a pool library (piscina,
 * tinypool) would need its own worker entry resolution anyway.
 *
 * Idle workers are unref'd so they never keep a finished build alive.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { addWork } from '../build-phases.ts';
import type { RasterFont } from './rasterise.mjs';

interface Task {
  id: number;
  tree: unknown;
  width: number;
  height: number;
  resolve: (png: Uint8Array) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  task: Task | undefined;
}

/** `ms`: how long the worker spent on the card (for the build's phase figures). */
type Reply = { id: number; png: Uint8Array; ms: number } | { id: number; error: string };

/**
 * How many workers: `CASEBOOK_OG_WORKERS` if set (0 renders on the build's own thread),
 * otherwise one per core but one, for the build's own thread, and at most 3 (each worker
 * holds its own copy of satori and the fonts, ~100 MB).
 */
export function ogWorkerCount(env: NodeJS.ProcessEnv = process.env, cores: number = availableParallelism()): number {
  const set = env.CASEBOOK_OG_WORKERS;
  if (set !== undefined && set !== '') {
    const n = Number(set);
    if (!Number.isInteger(n) || n < 0) {
      throw new Error(`CASEBOOK_OG_WORKERS: expected a whole number of worker threads (0 or more), found "${set}"`);
    }
    return n;
  }
  return Math.max(1, Math.min(3, cores - 1));
}

export class RenderPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 0;
  private broken: Error | undefined;

  constructor(
    private readonly script: string,
    private readonly size: number,
    private readonly fonts: RasterFont[],
  ) {
    if (!existsSync(script)) this.broken = new Error(`render worker ${script} not found`);
  }

  /** Whether the pool can render (false once a worker failed to start). */
  get usable(): boolean {
    return this.broken === undefined && this.size > 0;
  }

  run(tree: unknown, width: number, height: number): Promise<Uint8Array> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, tree, width, height, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; queued work is rejected. */
  async close(reason: Error = new Error('render pool closed')): Promise<void> {
    this.rejectAll(reason);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.task === undefined);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.worker.ref();
      slot.worker.postMessage({ id: task.id, tree: task.tree, width: task.width, height: task.height });
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.script, { workerData: { fonts: this.fonts } });
    const slot: Slot = { worker, task: undefined };
    worker.on('message', (reply: Reply) => {
      const task = slot.task;
      slot.task = undefined;
      if (task && task.id === reply.id) {
        if ('png' in reply) {
          addWork('share images (worker threads)', reply.ms);
          task.resolve(new Uint8Array(reply.png));
        }
        else task.reject(new Error(reply.error));
      }
      if (this.queue.length > 0) this.dispatch();
      else worker.unref();
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`render worker exited with code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  /** A worker that cannot start or crashes takes the pool down; callers fall back to in-thread rendering. */
  private fail(error: Error): void {
    if (this.broken) return;
    this.broken = error;
    void this.close(error);
  }

  private rejectAll(error: Error): void {
    for (const slot of this.slots) {
      slot.task?.reject(error);
      slot.task = undefined;
    }
    for (const task of this.queue.splice(0)) task.reject(error);
  }
}
