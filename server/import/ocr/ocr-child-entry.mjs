// The OCR process's entry: a child process starts as plain Node, so it registers tsx first (as
// parse-worker-entry.mjs does for the parse worker) and then loads the TypeScript side.
import { register } from 'tsx/esm/api';

register();
await import('./ocr-child.ts');
