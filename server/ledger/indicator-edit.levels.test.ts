// An indicator edit of an item an organisation handed down: a new target travels to the levels below
// as a proposed adjustment (like an approved target adjustment does); a rename alone does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit.repository';
import { buildWorld, type World } from '../levels/test-world';

describe('the office corrects an indicator of an item linked to the levels below', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
  });
  afterAll(() => w.t.close());

  const proposed = async () =>
    (await w.users.aOffice.request('GET', '/api/adjustments?status=proposed')).json().items as {
      taskId: number;
      source: string;
      afterText: string | null;
      reason: string;
    }[];
  const cityIndicator = async () => {
    const page = (await w.users.cityOffice.request('GET', `/api/tasks/${w.ids.city.piles}`)).json() as {
      task: { version: number };
      indicators: { id: number; name: string; target: number; unit: string; qualifier: string | null }[];
    };
    return { version: page.task.version, indicator: page.indicators[0]! };
  };

  it('proposes nothing below for a rename, and the new target for a retarget', async () => {
    const before = await proposed();
    let { version, indicator } = await cityIndicator();
    expect(indicator).toMatchObject({ name: '新建改造充电桩', target: 1.5, unit: '万个' });

    const renamed = await w.users.cityOffice.request(
      'PATCH',
      `/api/tasks/${w.ids.city.piles}/indicators/${indicator.id}`,
      { version, name: '新建改造充电桩数量', unit: '万个', target: 1.5, qualifier: null },
    );
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await proposed()).toEqual(before);

    ({ version, indicator } = await cityIndicator());
    const retargeted = await w.users.cityOffice.request(
      'PATCH',
      `/api/tasks/${w.ids.city.piles}/indicators/${indicator.id}`,
      { version, name: indicator.name, unit: '万个', target: 3, qualifier: null },
    );
    expect(retargeted.statusCode, retargeted.body).toBe(200);
    const added = (await proposed()).filter((p) => !before.some((b) => JSON.stringify(b) === JSON.stringify(p)));
    // 甲区's item has no indicator of that name (it names 新建充电桩): the proposal notes the change in its text.
    expect(added).toEqual([
      expect.objectContaining({
        taskId: w.ids.a.piles,
        source: 'upstream',
        afterText: '新建充电桩1500个。（上级指标调整：新建改造充电桩数量由1.5万个调整为3万个）',
      }),
    ]);
    expect((await verifyAuditChain(w.ctx.db)).ok).toBe(true);
  });
});
