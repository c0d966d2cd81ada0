// The extractor runs in a small pool of worker threads: a 2 MB article takes seconds of CPU, which on the API's own
// thread would stall every other request (and /health) for as long. The pool is bounded (threads and waiting
// articles); when it is full a request is refused at once instead of piling up text in memory.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ExtractError } from '@claimgraph/extract';
import type { ExtractErrorCode, ExtractInput, ExtractionResult } from '@claimgraph/shared';

/** Plain JavaScript beside src/ and dist/: the same worker file for the built API and for tsx. */
const WORKER_FILE = new URL('../workers/extract-worker.mjs', import.meta.url);

/** The pool has as many articles waiting as it accepts. */
export class ExtractorBusyError extends Error {
  constructor() {
    super(
      'The extractor is busy with other articles; try again in a moment, or queue the article with enqueueArticles',
    );
  }
}

type Reply = { ok: ExtractionResult } | { refused: { code: ExtractErrorCode; message: string } } | { failed: string };

interface Task {
  input: ExtractInput;
  resolve: (r: ExtractionResult) => void;
  reject: (err: Error) => void;
}

export interface ExtractPoolOptions {
  /** Worker threads (default: the cores but one, 1 to 4). */
  threads?: number;
  /** Articles that may wait for a thread; more are refused with ExtractorBusyError. */
  maxWaiting?: number;
}

export class ExtractPool {
  private readonly threads: number;
  private readonly maxWaiting: number;
  private readonly idle: Worker[] = [];
  private readonly workers = new Set<Worker>();
  private readonly waiting: Task[] = [];
  private closed = false;

  constructor(options: ExtractPoolOptions = {}) {
    this.threads = options.threads ?? Math.min(4, Math.max(1, availableParallelism() - 1));
    this.maxWaiting = options.maxWaiting ?? 4 * this.threads;
  }

  /** Extracts on a worker thread; ExtractError as the extractor throws it. */
  run(input: ExtractInput): Promise<ExtractionResult> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error('The extraction pool is closed'));
      if (this.waiting.length >= this.maxWaiting) return reject(new ExtractorBusyError());
      this.waiting.push({ input, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.waiting.length) {
      let worker = this.idle.pop();
      if (!worker) {
        if (this.workers.size >= this.threads) return;
        worker = this.spawn();
      }
      this.assign(worker, this.waiting.shift()!);
    }
  }

  private spawn(): Worker {
    // A runaway extraction ends its own thread (out of memory), not the API.
    const worker = new Worker(WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    // Idle threads do not keep the process alive.
    worker.unref();
    this.workers.add(worker);
    return worker;
  }

  private assign(worker: Worker, task: Task): void {
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (reply: Reply) => {
      done();
      this.idle.push(worker);
      if ('ok' in reply) task.resolve(reply.ok);
      else if ('refused' in reply) task.reject(new ExtractError(reply.refused.code, reply.refused.message));
      else task.reject(new Error(reply.failed));
      this.pump();
    };
    const onError = (err: Error) => {
      done();
      this.workers.delete(worker);
      void worker.terminate();
      task.reject(new Error(`The extractor's thread failed: ${err.message}`));
      this.pump();
    };
    const onExit = (code: number) => onError(new Error(`exited with code ${code}`));
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage(task.input);
  }

  /** Refuses what waits and ends the threads. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0)) task.reject(new Error('The extraction pool is closed'));
    await Promise.all([...this.workers].map((w) => w.terminate()));
    this.workers.clear();
    this.idle.length = 0;
  }
}

let shared: ExtractPool | null = null;
let servers = 0;

/** The process's pool, started on first use. */
export function extractPool(): ExtractPool {
  return (shared ??= new ExtractPool());
}

/**
 * A server's hold on the process's pool; the returned release ends the pool's threads once no server holds it
 * (several servers share one process in tests and embedders).
 */
export function holdExtractPool(): () => Promise<void> {
  servers++;
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    if (--servers > 0) return;
    const pool = shared;
    shared = null;
    await pool?.close();
  };
}
