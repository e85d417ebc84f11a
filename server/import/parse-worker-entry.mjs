// The parse worker's entry: a worker thread starts as plain Node, so it registers tsx first (as
// bin/duban.mjs does for the CLI) and then loads the TypeScript worker. Resolved from this file, so it
// works under `duban serve`, `npm start`, the CLI and vitest alike, whatever the working directory.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
