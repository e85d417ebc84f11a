#!/usr/bin/env node
// `npm start` builds the web app only when web/dist is missing or older than its sources,
// so a restart is quick and a fresh checkout always serves a current build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'web', 'dist', 'index.html');
const sources = [path.join(root, 'web'), path.join(root, 'core')];
const isTest = (name) => name.endsWith('.test.ts') || name.endsWith('.golden.json');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules' || isTest(entry.name)) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const built = fs.existsSync(dist) ? fs.statSync(dist).mtimeMs : 0;
const newest = Math.max(...sources.filter((d) => fs.existsSync(d)).map(newestMtime));
if (built >= newest) {
  console.log('web app is up to date (web/dist)');
  process.exit(0);
}
console.log('building the web app (vite) …');
const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
  // Always a production build: under a test runner NODE_ENV=test would bake React's development
  // runtime and test-mode ids into the files `npm start` serves.
  env: { ...process.env, NODE_ENV: 'production' },
});
process.exit(r.status ?? 1);
