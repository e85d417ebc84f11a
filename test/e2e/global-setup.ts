/**
 * Once per e2e run: build the web app if stale, and seed the demo once into a template data folder.
 * Most files start their server on the plain demo; they copy the template instead of importing the
 * notice and writing the demo's reports again (≈3 s of every file's start on a 2-core machine).
 * The template is made by the same `duban serve` with DUBAN_DEMO=1 that each file would run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureWebBuilt, startServer } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data folder holding the freshly seeded demo (see harness.startServer). */
    demoTemplateDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  ensureWebBuilt();
  const template = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-e2e-template-'));
  const server = await startServer({}, { dataDir: template });
  await server.stop();
  project.provide('demoTemplateDir', template);
  return () => fs.rmSync(template, { recursive: true, force: true });
}
