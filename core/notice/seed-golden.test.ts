// The whole ledger of the seed notice, every task and field, against a reviewed golden file.
// The golden file was produced by the parser and read task by task against the notice; a change
// in the parser that alters any field shows here as a diff to review. To accept a reviewed
// change: UPDATE_GOLDEN=1 npx vitest run core/notice/seed-golden.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenView } from './corpus';
import { parseNoticeText } from './index';

const SEED = new URL('../../data/demo/xinzhou-2024-notice.txt', import.meta.url);
const GOLDEN = new URL('./fixtures/seed-ledger.golden.json', import.meta.url);

function ledger() {
  return goldenView(parseNoticeText(readFileSync(SEED, 'utf8')));
}

describe('seed notice: the whole ledger', () => {
  it('matches the reviewed golden file field by field', () => {
    const actual = ledger();
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 1)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });
});
