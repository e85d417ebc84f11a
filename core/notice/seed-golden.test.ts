// The whole ledger of the seed notice, every task and field, against a reviewed golden file.
// The golden file was produced by the parser and read task by task against the notice; a change
// in the parser that alters any field shows here as a diff to review. To accept a reviewed
// change: UPDATE_GOLDEN=1 npx vitest run core/notice/seed-golden.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNoticeText } from './index';

const SEED = new URL('../../data/demo/xinzhou-2024-notice.txt', import.meta.url);
const GOLDEN = new URL('./fixtures/seed-ledger.golden.json', import.meta.url);

/** The shape `duban parse --json` promises (issue 3), without the parser's working fields. */
function ledger() {
  const n = parseNoticeText(readFileSync(SEED, 'utf8'));
  return {
    document: {
      docNumber: n.document.docNumber,
      title: n.document.title,
      issuer: n.document.issuer,
      issuedDate: n.document.issuedDate,
      reportingDeadlines: n.document.reportingDeadlines,
      reportTo: n.document.reportTo,
    },
    annexes: n.annexes.map((a) => ({
      no: a.no,
      title: a.title,
      kind: a.kind,
      tasks: a.tasks.map((t) => ({
        seq: t.seq,
        category: t.category,
        upstreamNo: t.upstreamNo,
        upstreamItem: t.upstreamItem,
        standard: t.standard,
        deadline: t.deadline,
        leaders: t.leaders,
        units: t.units,
        unitsPrinted: t.unitsPrinted,
        indicators: t.indicators.map(({ name, value, unit, qualifier }) => ({ name, value, unit, qualifier })),
        links: t.links.map(({ annexNo, seq }) => ({ annexNo, seq })),
        uncertain: t.uncertain,
      })),
    })),
  };
}

describe('seed notice: the whole ledger', () => {
  it('matches the reviewed golden file field by field', () => {
    const actual = ledger();
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 1)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });
});
