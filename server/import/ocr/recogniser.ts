import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { OcrBox } from './engine';
import type { OcrAnswer, OcrRequest } from './ocr-child';
import type { Gray } from './rules';

const ENTRY = fileURLToPath(new URL('./ocr-child-entry.mjs', import.meta.url));

/**
 * Reads the pages of one scanned document in a process of its own (ocr-child.ts): the models'
 * native memory, about 1 GB at a page's peak, is returned to the system when the document is done,
 * and a crash of the native runtime ends that process, not the server.
 */
export class Recogniser {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, { resolve: (boxes: OcrBox[]) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private stopped: Error | null = null;

  constructor() {
    this.child = fork(ENTRY, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (answer: OcrAnswer) => {
      const p = this.pending.get(answer.id);
      if (!p) return;
      this.pending.delete(answer.id);
      if ('boxes' in answer) p.resolve(answer.boxes);
      else p.reject(new Error(`OCR failed: ${answer.error}`));
    });
    this.child.on('exit', (code, signal) => {
      this.stopped ??= new Error(`the OCR process stopped (${signal ?? `exit ${code}`})`);
      for (const p of this.pending.values()) p.reject(this.stopped);
      this.pending.clear();
    });
  }

  /** The text boxes of one page, in its pixels. */
  recognise(page: Gray): Promise<OcrBox[]> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, gray: page.data, width: page.width, height: page.height } satisfies OcrRequest);
    });
  }

  /** Ends the process (its memory goes back to the system). */
  close(): void {
    this.stopped ??= new Error('the OCR process was closed');
    if (this.child.connected) this.child.disconnect();
    this.child.kill();
  }
}
