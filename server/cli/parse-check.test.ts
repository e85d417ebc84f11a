// Issue 16's first Done-when, as the office's developer would run it: `duban parse --check` reads
// every fixture of the corpus and the seed's PDF and OFD renderings with every field as expected,
// and a wrong expectation fails the command with the field that differs.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/duban.mjs');
const corpusDir = path.join(root, 'core/notice/fixtures/corpus');

describe('duban parse --check', { timeout: 120_000 }, () => {
  it('reads the corpus and the seed as .txt, .pdf and .ofd with every field as expected', async () => {
    const corpus = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).map((f) => path.join(corpusDir, f));
    const seed = ['txt', 'pdf', 'ofd'].map((ext) => path.join(root, `data/demo/xinzhou-2024-notice.${ext}`));
    const { stdout } = await run('node', [bin, 'parse', '--check', '--json', ...corpus, ...seed], { cwd: root });
    const result = JSON.parse(stdout) as { files: number; tasks: number; differences: number };
    expect(result.files).toBe(corpus.length + 3);
    expect(result.differences).toBe(0);
    expect(result.tasks).toBeGreaterThan(3 * 242);
  });

  it('fails on a field that differs, naming the file, the task and the field', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-check-'));
    const name = fs.readdirSync(corpusDir).find((f) => f.startsWith('labelled--') && f.endsWith('.txt'))!;
    fs.copyFileSync(path.join(corpusDir, name), path.join(dir, name));
    const expected = JSON.parse(fs.readFileSync(path.join(corpusDir, name.replace(/\.txt$/, '.expected.json')), 'utf8'));
    expected.annexes[0].tasks[0].lead = ['区不存在局'];
    fs.writeFileSync(path.join(dir, name.replace(/\.txt$/, '.expected.json')), JSON.stringify(expected));
    const failure = await run('node', [bin, 'parse', '--check', path.join(dir, name)], { cwd: root }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).not.toBe(0);
    expect(failure?.stderr).toContain('task 1');
    expect(failure?.stderr).toContain('lead: expected ["区不存在局"]');
  });
});
