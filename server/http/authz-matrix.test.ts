import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED } from './authz-matrix.expected';
import { batches, casesOf, runOrder, type Case } from './authz-matrix/cases';
import { changeSequences, difference, fingerprintQuery, organisationData } from './authz-matrix/fingerprint';
import { leakIn, send, statusProblem, urlOf } from './authz-matrix/run-case';
import { buildMatrixWorld, type MatrixWorld } from './authz-matrix/world';

/**
 * The authorization matrix (issue 9): every API route of the app's route table × every role ×
 * the caller's own unit's record / another unit's in the same district / the sibling district's /
 * the city above, each answered as authz-matrix.expected.ts declares. A refused call writes
 * nothing (row counts, versions, the audit log's newest entry) and shows no marked text of the
 * other party; an allowed call reaches its handler.
 */
describe('authorization matrix: every route × every role × own unit / other unit / other district / upper level', () => {
  let w: MatrixWorld;
  beforeAll(async () => {
    w = await buildMatrixWorld();
  }, 120_000);
  afterAll(() => w?.t.close());

  const routeKeys = () => w.t.app.routeTable.map((r) => `${r.method} ${r.url}`);

  it('declares every route of the app, and no route that is gone', () => {
    const keys = routeKeys();
    expect(
      keys.filter((k) => !EXPECTED[k]),
      'routes without a declaration in authz-matrix.expected.ts',
    ).toEqual([]);
    expect(
      Object.keys(EXPECTED).filter((k) => !keys.includes(k)),
      'declarations of routes that no longer exist',
    ).toEqual([]);
    for (const [key, decl] of Object.entries(EXPECTED)) {
      const needsRecord = key.includes(':id');
      expect(!!decl.record, `${key}: a route with :id declares its record kind, and only such a route`).toBe(
        needsRecord && decl.scope !== 'public',
      );
    }
  });

  it('answers every case as declared: refusals write and show nothing, allowed callers reach the handler', async () => {
    const cases = runOrder(routeKeys().flatMap((k) => (EXPECTED[k] ? casesOf(k, EXPECTED[k], w) : [])));
    const fingerprint = await fingerprintQuery(w.ctx);
    const failures: string[] = [];
    const tally = { cases: 0, allowed: 0, denied: 0, refusedReferences: 0, public: 0, leaks: 0, writes: 0, sequencedWrites: 0 };
    const describeCase = (c: Case, status: number) =>
      `${c.key} as ${c.caller} ${c.role} on ${c.side} (${c.method} ${urlOf(c)}) expected ${c.expected}, got ${status}`;
    const mustNotWrite = (c: Case) => c.expected === 'deny' || c.expected === 'refuse';

    // Cases run in batches: one route's refusals, or one route's allowed calls. Around a batch of
    // refusals the database is fingerprinted (one query), so a write by any of them is caught.
    let known: string | null = null;
    for (const batch of batches(cases, (c) => `${c.key} ${mustNotWrite(c)}`)) {
      const guarded = mustNotWrite(batch[0]!);
      const before: string | null = guarded ? (known ?? (await fingerprint())) : null;
      const allowedBefore = guarded ? null : (known ?? (await fingerprint()));
      const sequences = guarded ? null : await changeSequences(w.ctx);
      const answered: string[] = [];
      for (const c of batch) {
        const res = await send(w, c);
        answered.push(describeCase(c, res.statusCode));
        tally.cases += 1;
        tally[
          c.expected === 'allow'
            ? 'allowed'
            : c.expected === 'deny'
              ? 'denied'
              : c.expected === 'refuse'
                ? 'refusedReferences'
                : 'public'
        ] += 1;
        const problem = statusProblem(res, c);
        if (problem) failures.push(`${describeCase(c, res.statusCode)}: ${problem} — ${res.body.slice(0, 200)}`);
        const leak = await leakIn(res, c);
        if (leak) {
          tally.leaks += 1;
          failures.push(`${describeCase(c, res.statusCode)}: LEAK of ${leak}`);
        }
      }
      if (before !== null) {
        known = await fingerprint();
        if (known !== before) {
          tally.writes += 1;
          failures.push(`WROTE ${difference(before, known)} — in one of: ${answered.join(' | ')}`);
        }
      } else {
        // Issue 19: an allowed call that changed an organisation's data moved its change sequence
        // (the answers kept in memory are keyed by it).
        const after = await fingerprint();
        const changed = organisationData(difference(allowedBefore!, after));
        if (changed && sequences === (await changeSequences(w.ctx))) {
          failures.push(`CHANGED ${changed} without moving the change sequence — in one of: ${answered.join(' | ')}`);
        }
        tally.sequencedWrites += changed ? 1 : 0;
        known = after;
      }
    }

    console.info(`authorization matrix (${w.ctx.engine}): ${JSON.stringify(tally)}`);
    expect(failures).toEqual([]);
    expect(tally.leaks).toBe(0);
    expect(tally.writes).toBe(0);
    // Every route ran, with every role.
    expect(new Set(cases.map((c) => c.key)).size).toBe(routeKeys().length);
    expect(tally.denied).toBeGreaterThan(tally.allowed);
    // The sequence check above saw real writes, not only refusals and validation errors.
    expect(tally.sequencedWrites).toBeGreaterThan(20);
  }, 300_000);

  it("leaves someone else's notification unread on the routes that act on one's own", async () => {
    const n = await w.ctx.db
      .selectFrom('notifications')
      .select('read_at')
      .where('id', '=', w.siblingNotification)
      .executeTakeFirstOrThrow();
    expect(n.read_at).toBeNull();
  });
});
