import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor';
import { sendDue } from '../reminders/deliveries';
import { startRobotServer } from '../reminders/test-support';
import { putSetting } from '../settings/settings.service';
import { createTestDb, type TestDb } from '../test/db';
import { makeOrg } from '../test/factories';
import { CHANNEL_REGISTRY, senderOf, type ChannelRegistry } from './registry';

/**
 * The channel registry (issue 18): every channel has exactly its own sender. A registry missing a
 * channel does not compile (the @ts-expect-error below fails tsc if it ever does), and a stored row
 * naming a channel that is not registered fails as such — before the registry, deliver() sent any
 * channel it did not name through the DingTalk robot.
 */
const SECRET = 'registry-secret';

// @ts-expect-error — a registry without the DingTalk robot is a type error, not a run-time fallthrough.
const incomplete: ChannelRegistry = { email: CHANNEL_REGISTRY.email, wecom: CHANNEL_REGISTRY.wecom };
void incomplete;

describe('channel registry', () => {
  let db: TestDb;
  let robots: Awaited<ReturnType<typeof startRobotServer>>;
  let orgId: number;

  beforeAll(async () => {
    db = await createTestDb();
    robots = await startRobotServer(SECRET);
    orgId = (await makeOrg(db.ctx)).id;
    await putSetting(
      db.ctx,
      systemActor('test'),
      orgId,
      'channels',
      {
        email: { enabled: false, host: '', port: 25, secure: false, username: '', password: '', from: '' },
        wecom: { enabled: true, webhookUrl: `${robots.url}/wecom?key=k1` },
        dingtalk: { enabled: true, webhookUrl: `${robots.url}/dingtalk?access_token=t1`, secret: SECRET },
      },
      { loadedVersion: 0 },
    );
  });
  afterAll(async () => {
    await robots?.close();
    await db?.close();
  });

  it('knows only the registered channels', () => {
    expect(senderOf('dingtalk')).toBe(CHANNEL_REGISTRY.dingtalk);
    expect(senderOf('fax')).toBeNull();
    expect(senderOf('toString')).toBeNull();
    expect(senderOf('__proto__')).toBeNull();
  });

  it('fails a stored row of an unregistered channel instead of sending it through another', async () => {
    const now = new Date().toISOString();
    const row = await db.ctx.db
      .insertInto('deliveries')
      .values({
        org_id: orgId,
        channel: 'fax' as never,
        target: '0571-0000000',
        subject: '未登记通道',
        body: '不应发出',
        next_attempt_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const outcomes = await sendDue(db.ctx);
    expect(outcomes.find((o) => o.id === row.id)).toMatchObject({
      status: 'retry',
      error: expect.stringContaining('不是本系统登记的外发通道'),
    });
    expect(robots.accepted).toEqual([]);
    expect(robots.refused).toEqual([]);
  });
});
