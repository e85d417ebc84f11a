// A small pool of parse workers (parse-worker.ts) with a bounded queue and a wall-clock limit per
// notice (issue 16, issue 17 point 1). One upload can no longer freeze the server: the parse runs
// on another thread, a parse that takes longer than the limit is stopped (its worker terminated and
// replaced), a worker that runs out of its memory budget dies alone, and when every worker is busy
// and the queue is full the upload is refused at once with "busy, retry" instead of piling up.
import { Worker } from 'node:worker_threads';
import type { DirectoryEntry, ParsedNotice } from '../../core/notice';
import { AppError } from '../errors/app-error';
import type { ParseAnswer, ParseFailure, ParseJob, ParseProgress } from './parse-worker';
import { IMPORT_LIMITS } from './readers/limits';
import type { NoticeFile } from './readers/read-notice-file';

export type ParsePoolOptions = {
  /** Worker threads (the production machines have two cores: one parses, one serves). */
  workers: number;
  /** Uploads that may wait for a worker; one more is refused with IMPORT_BUSY (503). */
  queueLimit: number;
  /** Wall-clock limit of one parse (reading the file included); then the worker is terminated. */
  timeoutMs: number;
  /** The worker's heap limit; a parse that needs more fails alone (IMPORT_PARSE_OUT_OF_MEMORY). */
  memoryMb: number;
};

export const DEFAULT_PARSE_POOL: ParsePoolOptions = { workers: 1, queueLimit: 4, timeoutMs: 30_000, memoryMb: 1024 };

export type ParseRequest = { fileName: string; content: Buffer; units: DirectoryEntry[]; leaders: DirectoryEntry[] };
export type ParseResult = { format: NoticeFile['format']; parsed: ParsedNotice };

type Pending = { job: ParseJob; resolve: (r: ParseResult) => void; reject: (e: unknown) => void };
/** allowedMs: the running parse's limit so far (the pool's, plus a budget per scanned page); deadline: when it ends. */
type Slot = { worker: Worker; current: Pending | null; timer: NodeJS.Timeout | null; allowedMs: number; deadline: number };

const ENTRY = new URL('./parse-worker-entry.mjs', import.meta.url);

export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly options: ParsePoolOptions = DEFAULT_PARSE_POOL) {}

  /** Reads and parses the upload in a worker; rejects with the error the user should see. */
  parse(request: ParseRequest): Promise<ParseResult> {
    return new Promise<ParseResult>((resolve, reject) => {
      if (this.closed) throw new Error('the parse pool is closed');
      const job: ParseJob = {
        id: this.nextId++,
        fileName: request.fileName,
        // Copied, not transferred: the caller keeps the buffer (it is stored with the notice).
        content: new Uint8Array(request.content),
        units: request.units,
        leaders: request.leaders,
      };
      const pending = { job, resolve, reject };
      const slot = this.idleSlot();
      if (slot) this.start(slot, pending);
      else if (this.queue.length < this.options.queueLimit) this.queue.push(pending);
      else reject(new AppError('IMPORT_BUSY', { zh: `正在解析的通知已有 ${this.options.workers + this.queue.length} 份`, en: `${this.options.workers + this.queue.length} notices are being read` }));
    });
  }

  /** Stops every worker; waiting and running parses are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('the parse pool was closed'));
    await Promise.all(
      this.slots.splice(0).map((s) => {
        if (s.timer) clearTimeout(s.timer);
        s.current?.reject(new Error('the parse pool was closed'));
        return s.worker.terminate();
      }),
    );
  }

  private idleSlot(): Slot | undefined {
    const idle = this.slots.find((s) => s.current === null);
    if (idle) return idle;
    if (this.slots.length < this.options.workers) return this.spawn();
    return undefined;
  }

  private spawn(): Slot {
    const worker = new Worker(ENTRY, { resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb } });
    const slot: Slot = { worker, current: null, timer: null, allowedMs: 0, deadline: 0 };
    worker.unref(); // an idle worker never keeps the process (a CLI import, a test) alive
    worker.on('message', (answer: ParseAnswer | ParseProgress) => {
      const p = slot.current;
      if (!p || answer.id !== p.job.id) return;
      if ('recognising' in answer) {
        // A scanned page is being recognised (seconds each): the limit grows by a page's budget.
        this.arm(slot, p, IMPORT_LIMITS.maxRecognisePageMs);
        return;
      }
      this.finish(slot);
      if (answer.ok) p.resolve({ format: answer.format, parsed: answer.parsed });
      else p.reject(errorOf(answer.error));
    });
    worker.on('error', (e: Error & { code?: string }) => {
      const p = slot.current;
      this.retire(slot);
      if (!p) return;
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        p.reject(new AppError('IMPORT_PARSE_OUT_OF_MEMORY', { zh: `“${p.job.fileName}”解析所需内存超过 ${this.options.memoryMb} MB`, en: `${p.job.fileName} needed more than ${this.options.memoryMb} MB` }));
      } else p.reject(e);
    });
    worker.on('exit', () => {
      const p = slot.current;
      this.retire(slot);
      p?.reject(new Error(`the parse worker stopped while reading ${p.job.fileName}`));
    });
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, pending: Pending): void {
    slot.current = pending;
    slot.worker.ref(); // a running parse keeps the process alive until it answers
    slot.allowedMs = 0;
    slot.deadline = Date.now();
    this.arm(slot, pending, this.options.timeoutMs);
    // The job's copy of the file is handed over, not cloned again (20 MB on the main thread).
    slot.worker.postMessage(pending.job, [pending.job.content.buffer as ArrayBuffer]);
  }

  /** Moves the running parse's wall-clock limit `moreMs` later; past it the worker is stopped. */
  private arm(slot: Slot, pending: Pending, moreMs: number): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.allowedMs += moreMs;
    slot.deadline += moreMs;
    slot.timer = setTimeout(() => {
      const seconds = Math.round(slot.allowedMs / 100) / 10;
      this.retire(slot);
      void slot.worker.terminate();
      pending.reject(
        new AppError('IMPORT_PARSE_TIMEOUT', {
          zh: `“${pending.job.fileName}”在 ${seconds} 秒内未解析完`,
          en: `${pending.job.fileName} was not read within ${seconds} s`,
        }),
      );
      this.drain();
    }, slot.deadline - Date.now());
  }

  /** The slot answered: free it and start the next waiting upload. */
  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.current = null;
    slot.worker.unref();
    this.drain();
  }

  /** The slot's worker is gone or going: forget it (a new one is made when needed). */
  private retire(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.current = null;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    if (!this.closed) queueMicrotask(() => this.drain());
  }

  private drain(): void {
    while (this.queue.length > 0) {
      const slot = this.idleSlot();
      if (!slot) return;
      const next = this.queue.shift();
      if (next) this.start(slot, next);
    }
  }
}

/** The error as the user saw it before parsing moved to a worker: the same classes, codes and words. */
function errorOf(f: ParseFailure): Error {
  if (f.kind === 'app') return new AppError(f.code, { zh: f.zh, en: f.en, complete: true });
  const e = new Error(`parse worker: ${f.message}`);
  if (f.stack) e.stack = `${e.message}\n(in the parse worker)\n${f.stack}`;
  return e;
}

let shared: ParsePool | undefined;

/** The process's pool, made on first use. */
export function parsePool(): ParsePool {
  shared ??= new ParsePool();
  return shared;
}
