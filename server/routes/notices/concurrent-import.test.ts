import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit/audit.repository';
import { createTestApp, postMultipart, signInAs, type Client } from '../../test/app';
import { makeOrg, makeUser } from '../../test/factories';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/demo/xinzhou-2024-notice.txt'), 'utf8');

/**
 * Two office clerks import two notices at the same moment into an organisation whose directory is
 * still empty: both create the same units. On PostgreSQL the second transaction then meets the
 * first's unique unit names; it must roll back whole and say so (409, retry), never answer 500.
 */
describe('concurrent imports into an empty directory', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let clerks: Client[];
  beforeAll(async () => {
    t = await createTestApp();
    const org = await makeOrg(t.ctx, { name: '新洲区' });
    clerks = [await signInAs(t.app, (await makeUser(t.ctx, org.id, 'office')).username), await signInAs(t.app, (await makeUser(t.ctx, org.id, 'office')).username)];
  });
  afterAll(() => t.close());

  const notice = (n: number) => Buffer.from(seed.replace('新政办〔2024〕1号', `新政办〔2024〕${n}号`));
  const importAs = (client: Client, n: number) => postMultipart(t.app, client, '/api/notices/import', [{ name: 'file', value: notice(n), fileName: `notice-${n}.txt` }]);

  it('stores each import whole or refuses it as a conflict to retry, and the retry succeeds', async () => {
    const answers = await Promise.all([importAs(clerks[0]!, 11), importAs(clerks[1]!, 12)]);
    for (const a of answers) {
      expect([200, 409], a.body).toContain(a.statusCode);
      if (a.statusCode === 409) expect(a.json().error.code).toBe('CONCURRENT_CHANGE');
    }
    const stored = async () => (await t.ctx.db.selectFrom('notices').select('doc_number').execute()).length;
    expect(await stored()).toBe(answers.filter((a) => a.statusCode === 200).length);
    // A refused import is retried as the message says, and goes through.
    for (const [i, a] of answers.entries()) if (a.statusCode === 409) expect((await importAs(clerks[i]!, 11 + i)).statusCode).toBe(200);
    expect(await stored()).toBe(2);
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });
});
