import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postMultipart, signInAs, type Client } from '../test/app';
import { makeOrg, makeUser } from '../test/factories';
import { problemWithAnswer } from './check-answer';
import { fingerprint } from './db-fingerprint';
import { fuzzParams, fuzzRuns, fuzzTimeout } from './fuzz-settings';
import { edgyString, toJsonText, wrongValue } from './hostile-values';
import { buildNoticeFile, noticeRecipe, type NoticeRecipe } from './notice-mutations';

/**
 * The importer through the real API (issue 9): malformed notices and options posted to the preview
 * and import routes as the office. Property: never a 5xx; an import either succeeds fully (the
 * notice and all its tasks are there, audited) or leaves every table as it was; a preview never
 * writes.
 */
const RUNS = fuzzRuns(40);

/** Mostly plausible values (so imports get through), now and then an edge case. */
const mostly = <T>(plausible: fc.Arbitrary<T>, edge: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: plausible, weight: 5 }, { arbitrary: edge, weight: 1 });
const correction = fc.record(
  {
    key: mostly(fc.constantFrom('1/(1)', '1/(2)', '2/1', '2/2', '1/(128)', '2/(5)', '9/(9)'), edgyString),
    leaders: fc.array(mostly(fc.constantFrom('张一', '王强', '李明', '新领导'), edgyString), { maxLength: 3 }),
    units: fc.array(mostly(fc.constantFrom('区发改局', '市教育局', '新单位'), edgyString), {
      minLength: 1,
      maxLength: 3,
    }),
    standard: mostly(fc.constantFrom('新增学位5000个。', '长'.repeat(5000)), edgyString),
    deadline: fc.option(mostly(fc.constantFrom('12月', '2024年6月底'), edgyString), { nil: null }),
  },
  { requiredKeys: ['key'] },
);
const plausibleOptions = fc
  .record(
    {
      update: fc.boolean(),
      accept: fc.option(fc.array(mostly(fc.constantFrom('1/(1)', '2/1'), edgyString), { maxLength: 4 }), {
        nil: undefined,
      }),
      corrections: fc.array(correction, { maxLength: 2 }),
    },
    { requiredKeys: [] },
  )
  .map(toJsonText);
const options = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 4 },
  { arbitrary: plausibleOptions, weight: 4 },
  { arbitrary: wrongValue.map(toJsonText), weight: 1 },
  {
    arbitrary: fc.constantFrom('{', '', 'null', '{"update":"yes"}', '{"corrections":[{"key":"1/(1)","units":[]}]}'),
    weight: 1,
  },
);
/** Half the notices get a fresh document number, so imports create notices rather than meet the last one. */
const recipe = fc
  .tuple(noticeRecipe, fc.option(fc.integer({ min: 100, max: 1_000_000 }), { nil: null }))
  .map(([r, no]): NoticeRecipe => (no === null ? r : { ...r, text: [{ kind: 'renumber', no }, ...r.text] }));
const fileName = fc.oneof(
  { arbitrary: fc.constant(null), weight: 6 },
  {
    arbitrary: fc.constantFrom(
      '',
      '.txt',
      'notice',
      'NOTICE.DOCX',
      '../../etc/passwd.txt',
      `${'长'.repeat(300)}.txt`,
      'a\u0000b.txt',
      '\u202Etxt.exe.docx',
      'a;b=c.csv',
    ),
    weight: 1,
  },
);

describe('importer fuzz: through the API', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: Client;
  let orgId: number;

  beforeAll(async () => {
    // Uploads are rate-limited per address; the fuzz posts far more than a person would.
    t = await createTestApp({ DUBAN_RATE_LIMIT_UPLOADS: '0', DUBAN_TODAY: '2024-05-01' });
    orgId = (await makeOrg(t.ctx)).id;
    office = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'office')).username);
  });
  afterAll(() => t.close());

  it(
    'imports a notice fully or writes nothing, and never answers 5xx',
    async () => {
      const seen = { imported: 0, previewed: 0, refused: new Map<string, number>() };
      await fc.assert(
        fc.asyncProperty(
          recipe,
          fc.constantFrom('preview', 'import', 'import'),
          options,
          fileName,
          async (recipe, route, optionsText, name) => {
            const file = await buildNoticeFile(recipe);
            const before = await fingerprint(t.ctx);
            const parts = [
              { name: 'file', value: file.content, fileName: name ?? file.fileName },
              ...(optionsText === undefined ? [] : [{ name: 'options', value: optionsText }]),
            ];
            const res = await postMultipart(t.app, office, `/api/notices/${route}`, parts);
            const problem = await problemWithAnswer(t.ctx, res, before);
            if (problem) throw new Error(problem);
            if (res.statusCode >= 400) {
              const code = res.json<{ error: { code: string } }>().error.code;
              seen.refused.set(code, (seen.refused.get(code) ?? 0) + 1);
              return;
            }
            const after = await fingerprint(t.ctx);
            if (route === 'preview') {
              if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error('a preview wrote to the database');
              seen.previewed++;
              return;
            }
            // Imported: the notice and every task it reported are in the ledger, and the import is audited.
            const result = res.json<{ noticeId: number; created: boolean; tasks: number }>();
            const last = await t.ctx.db
              .selectFrom('audit_log')
              .select(['action', 'entity_id'])
              .orderBy('seq', 'desc')
              .limit(1)
              .executeTakeFirstOrThrow();
            if (
              !['notice.import', 'notice.reimport'].includes(last.action) ||
              String(last.entity_id) !== String(result.noticeId)
            )
              throw new Error(`import not audited last: ${JSON.stringify(last)}`);
            if (result.created) {
              const stored = await t.ctx.db
                .selectFrom('tasks')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('notice_id', '=', result.noticeId)
                .executeTakeFirstOrThrow();
              if (Number(stored.n) !== result.tasks)
                throw new Error(`import said ${result.tasks} tasks, the ledger holds ${stored.n}`);
            }
            seen.imported++;
          },
        ),
        fuzzParams('importer through the API', RUNS),
      );
      console.log(
        `[fuzz] import API outcomes: imported ${seen.imported}, previewed ${seen.previewed}, refused ${JSON.stringify(Object.fromEntries(seen.refused))}`,
      );
      expect(seen.imported + seen.previewed).toBeGreaterThan(RUNS / 10);
    },
    fuzzTimeout(RUNS, 2_000),
  );
});
