import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../test/db';
import { fuzzParams, fuzzRuns, fuzzTimeout } from './fuzz-settings';
import { describeError, readAndParse } from './import-outcome';
import { buildNoticeFile, noticeRecipe } from './notice-mutations';

/**
 * The readers and the parser on malformed notices (issue 9): every input ends in a ledger or in a
 * catalogue refusal, within a time bound, never in another exception. Pure: no database.
 */
const RUNS = fuzzRuns(80);
/** Far above the ≈0.3 s a rendered seed takes, far below a hang; a 100k-character cell stays well inside. */
const MAX_MS_PER_INPUT = 10_000;

// No database here: the PostgreSQL tier would repeat the SQLite tier's run exactly.
describe.skipIf(testEngine === 'postgres')('importer fuzz: readers and parser', () => {
  it(
    'reads or refuses every mutated .txt/.csv/.docx/.xlsx notice with a catalogue code, in bounded time',
    async () => {
      const seen = { parsed: 0, refused: new Map<string, number>() };
      await fc.assert(
        fc.asyncProperty(noticeRecipe, async (recipe) => {
          const file = await buildNoticeFile(recipe);
          const outcome = await readAndParse(file.fileName, file.content);
          if (outcome.kind === 'unexpected') throw new Error(`unexpected error: ${describeError(outcome.error)}`);
          if (outcome.ms > MAX_MS_PER_INPUT) throw new Error(`took ${outcome.ms} ms`);
          if (outcome.kind === 'parsed') seen.parsed++;
          else seen.refused.set(outcome.code, (seen.refused.get(outcome.code) ?? 0) + 1);
        }),
        fuzzParams('importer readers+parser', RUNS),
      );
      console.log(
        `[fuzz] importer outcomes: parsed ${seen.parsed}, refused ${JSON.stringify(Object.fromEntries(seen.refused))}`,
      );
      // The generator must reach both ends: notices that still parse and files that are refused.
      expect(seen.parsed).toBeGreaterThan(RUNS / 10);
      expect(seen.refused.size).toBeGreaterThan(1);
    },
    fuzzTimeout(RUNS, 1_500),
  );
});
