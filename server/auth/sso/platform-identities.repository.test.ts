import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { makeOrg, makeUser } from '../../test/factories';
import { findUserByIdentity, identitiesOfUsers, insertIdentity } from './platform-identities.repository';

describe('platform identities (migration 0026)', () => {
  let t: TestDb;
  let orgId: number;
  let a: { id: number; username: string };
  let b: { id: number; username: string };

  beforeAll(async () => {
    t = await createTestDb();
    orgId = (await makeOrg(t.ctx)).id;
    a = await makeUser(t.ctx, orgId, 'office');
    b = await makeUser(t.ctx, orgId, 'sysadmin');
    await insertIdentity(t.ctx.db, { org_id: orgId, user_id: a.id, platform: 'wecom', external_id: 'ZhangSan' });
    await insertIdentity(t.ctx.db, { org_id: orgId, user_id: a.id, platform: 'oidc', external_id: 'sub-a' });
    await insertIdentity(t.ctx.db, { org_id: orgId, user_id: b.id, platform: 'dingtalk', external_id: 'manager1' });
  });
  afterAll(() => t.close());

  it('finds the bound account by platform and external id, and nothing for another platform', async () => {
    expect((await findUserByIdentity(t.ctx.db, 'wecom', 'ZhangSan'))?.id).toBe(a.id);
    expect(await findUserByIdentity(t.ctx.db, 'dingtalk', 'ZhangSan')).toBeUndefined();
    expect(await findUserByIdentity(t.ctx.db, 'wecom', 'zhangsan')).toBeUndefined();
  });

  it('maps users to their external id on one platform', async () => {
    expect(await identitiesOfUsers(t.ctx.db, 'wecom', [a.id, b.id])).toEqual(new Map([[a.id, 'ZhangSan']]));
    expect(await identitiesOfUsers(t.ctx.db, 'dingtalk', [a.id, b.id])).toEqual(new Map([[b.id, 'manager1']]));
    expect(await identitiesOfUsers(t.ctx.db, 'oidc', [])).toEqual(new Map());
  });

  it('refuses a second account for the same platform identity', async () => {
    await expect(
      insertIdentity(t.ctx.db, { org_id: orgId, user_id: b.id, platform: 'wecom', external_id: 'ZhangSan' }),
    ).rejects.toThrow();
  });
});
