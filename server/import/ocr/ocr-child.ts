// The OCR process (recogniser.ts starts one per scanned document): it loads the models, reads the
// pages it is sent, and ends with its parent. Its memory (about 1 GB at the peak of a page) goes
// back to the system when it exits, which a thread's would not.
import { recognise } from './engine';

export type OcrRequest = { id: number; gray: Uint8Array; width: number; height: number };
export type OcrAnswer = { id: number; boxes: import('./engine').OcrBox[] } | { id: number; error: string };

process.on('message', (request: OcrRequest) => {
  recognise({ gray: request.gray, width: request.width, height: request.height }).then(
    (boxes) => process.send?.({ id: request.id, boxes } satisfies OcrAnswer),
    (e: unknown) => process.send?.({ id: request.id, error: e instanceof Error ? e.message : String(e) } satisfies OcrAnswer),
  );
});
// The parent gone (the document read, or its parse stopped for taking too long): so is this process.
process.on('disconnect', () => process.exit(0));
