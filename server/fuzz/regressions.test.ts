import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../core/roles';
import { buildWorld, type World } from '../levels/test-world';
import { postMultipart, type Client } from '../test/app';
import { problemWithAnswer } from './check-answer';
import { fingerprint } from './db-fingerprint';

/**
 * Every input the fuzz run found a bug with, replayed as it was found (server/fuzz/fixtures/, each
 * with a note of what it found and where it was fixed): the answer has the fixture's status, is
 * never a 5xx, and a refusal writes nothing.
 */
const FIXTURES = path.join(import.meta.dirname, 'fixtures');

type ApiFixture = {
  found: string;
  fix: string | null;
  requests: {
    role: Role;
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: string;
    body?: unknown;
    bodyText?: string;
    /** Sent as given (a broken multipart body); otherwise JSON when there is a body. */
    contentType?: string;
    status: number[];
  }[];
};
type ImportFixture = {
  found: string;
  fix: string;
  uploads: {
    file: string;
    fileName?: string;
    options?: string;
    status: number[];
    storedStandard?: string;
    annexes?: number;
  }[];
};

const fixtures = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({
    name: f,
    data: JSON.parse(fs.readFileSync(path.join(FIXTURES, f), 'utf8')) as ApiFixture | ImportFixture,
  }));

describe('fuzz regressions: the inputs that found bugs', () => {
  let w: World;
  let slots: Record<string, string>;
  const client = (role: Role): Client => w.users[`b:${role}`]!;

  beforeAll(async () => {
    w = await buildWorld();
    const report = await w.ctx.db
      .selectFrom('unit_reports')
      .select('id')
      .where('org_id', '=', w.orgs.b.id)
      .executeTakeFirstOrThrow();
    slots = { bPiles: String(w.ids.b.piles), bReport: String(report.id), LONG: 'a'.repeat(5000) };
  });
  afterAll(() => w.t.close());

  it('has fixtures to replay', () => {
    expect(fixtures.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'api-id-beyond-int32.json',
        'api-multipart-malformed.json',
        'api-nul-in-text.json',
        'api-param-too-long.json',
        'import-nul.json',
        'import-annex-twice.json',
        'import-repeated-han.json',
      ]),
    );
  });

  for (const { name, data } of fixtures) {
    it(`${name}: ${data.found.slice(0, 80)}…`, async () => {
      const problems: string[] = [];
      const note = async (
        what: string,
        res: Awaited<ReturnType<Client['request']>>,
        before: Awaited<ReturnType<typeof fingerprint>>,
        status: number[],
      ) => {
        const problem = await problemWithAnswer(w.ctx, res, before);
        if (problem) problems.push(`${what}: ${problem}`);
        else if (!status.includes(res.statusCode))
          problems.push(
            `${what}: answered ${res.statusCode}, expected ${status.join(' or ')}: ${res.body.slice(0, 200)}`,
          );
      };
      if ('requests' in data) {
        for (const r of data.requests) {
          const url = r.url.replace(/\{(\w+)\}/g, (_, slot: string) => slots[slot]!);
          const c = client(r.role);
          const before = await fingerprint(w.ctx);
          const res = await w.t.app.inject({
            method: r.method,
            url,
            headers: {
              cookie: c.cookie,
              'x-csrf-token': c.csrfToken,
              ...(r.contentType !== undefined
                ? { 'content-type': r.contentType }
                : r.body !== undefined || r.bodyText !== undefined
                  ? { 'content-type': 'application/json' }
                  : {}),
            },
            ...(r.bodyText !== undefined
              ? { payload: r.bodyText }
              : r.body !== undefined
                ? { payload: JSON.stringify(r.body) }
                : {}),
          });
          await note(`${r.method} ${r.url}`, res, before, r.status);
        }
      } else {
        for (const u of data.uploads) {
          const before = await fingerprint(w.ctx);
          const parts = [
            { name: 'file', value: fs.readFileSync(path.join(FIXTURES, u.file)), fileName: u.fileName ?? u.file },
            ...(u.options === undefined ? [] : [{ name: 'options', value: u.options }]),
          ];
          const res = await postMultipart(w.t.app, client('office'), '/api/notices/import', parts);
          await note(`import ${u.file} as ${JSON.stringify(u.fileName ?? u.file)}`, res, before, u.status);
          if (u.annexes !== undefined && res.statusCode === 200)
            expect(res.json<{ annexes: number }>().annexes).toBe(u.annexes);
          if (u.storedStandard && res.statusCode === 200) {
            const noticeId = res.json<{ noticeId: number }>().noticeId;
            const standards = await w.ctx.db
              .selectFrom('tasks')
              .select('standard')
              .where('notice_id', '=', noticeId)
              .execute();
            expect(standards.map((s) => s.standard)).toContain(u.storedStandard);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
