import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { RollupItem, RollupLower } from '../../web/src/levels/api';
import { apiGet, apiSend, signIn, startE2E, type E2E } from './harness';
import { dialog, label, openBell, openMenu, pickOption, search } from './ledger-steps';

// 上下级 (issue 7) through the browser, against the real demo server (business date 2024-06-25):
// 武汉市's office hands item 176 of its own ledger (新改建农村公路500公里) down to both of its districts
// in the 下达 dialog — to 新洲区 with its own target, to 黄陂区 for 黄陂区's office to set. Each district's
// office finds it under the bell, sets what it must and assigns 区交通运输局 on the task page; each
// bureau reports on the second quarter and its head approves (through the API, to keep the test
// short), and the district office accepts. The city's 上下级汇总 then shows both districts with their
// report states and actuals, and drills into one read-only; the ranking downloads as Excel. A 黄陂区
// user gets 403 on 新洲区's task. Screenshots: /tmp/duban-shots/levels-*.png (or DUBAN_SHOTS_DIR).

const SHOTS = process.env.DUBAN_SHOTS_DIR ?? '/tmp/duban-shots';
const ITEM = '新改建农村公路500公里';
const XZ_TARGET = '新改建农村公路60公里，提档升级“四好农村路”。';
const HP_TARGET = '新改建农村公路45公里，提档升级“四好农村路”。';
const UNIT = '区交通运输局';
const Q2 = '2024年第二季度';

type District = {
  name: string;
  office: string;
  clerk: string;
  head: string;
  /** km built by the end of the second quarter, reported by the bureau. */
  built: number;
  narrative: string;
};
const XZ: District = {
  name: '新洲区',
  office: 'duchashi',
  clerk: 'jtj.jingban',
  head: 'jtj.fuzeren',
  built: 21,
  narrative: '二季度新改建农村公路21公里，仓埠、汪集段路基完成。（端到端测试）',
};
const HP: District = {
  name: '黄陂区',
  office: 'hp.duchashi',
  clerk: 'hp.jtj.jingban',
  head: 'hp.jtj.fuzeren',
  built: 12.5,
  narrative: '二季度新改建农村公路12.5公里，木兰、姚家集段正在施工。（端到端测试）',
};

let e2e: E2E;
let city: Page;
let cityTaskId = 0;
const lowerTaskIds: Record<string, number> = {};

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.mouse.move(1, 899);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500); // antd's motion settles
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `levels-${name}.png`), fullPage });
}

async function signedIn(user: string, home: string): Promise<Page> {
  const { page } = await e2e.newPage();
  await signIn(page, user);
  await page.waitForURL(`**${home}`);
  return page;
}

const rollupOf = (page: Page) => apiGet<RollupItem>(page, `/api/rollup/tasks/${cityTaskId}`);
const lowerOf = (item: RollupItem, org: string): RollupLower => item.lower.find((l) => l.org.name === org)!;
const text = (l: Locator) => l.innerText();

beforeAll(async () => {
  e2e = await startE2E();
  city = await signedIn('wuhan.duchashi', '/office');
});

afterAll(async () => {
  await e2e?.stop();
});

describe('上下级：市交办、区落实、市汇总', () => {
  it('shows the city’s office 上下级汇总 in its menu, and no district office', { timeout: 60_000 }, async () => {
    await city.getByRole('menuitem', { name: /上下级汇总/ }).waitFor();
    const { page: district } = await e2e.newPage();
    await signIn(district, XZ.office);
    await district.waitForURL('**/office');
    await district.getByRole('menuitem', { name: /台账/ }).waitFor();
    expect(await district.getByRole('menuitem', { name: /上下级汇总/ }).count()).toBe(0);
    await district.context().close();
  });

  it('hands item 176 down to both districts from its task page', { timeout: 120_000 }, async () => {
    await openMenu(city, '台账');
    await city.waitForURL('**/ledger**');
    await search(city, '农村公路500公里');
    await city.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: ITEM }).click();
    await city.getByRole('heading', { name: '事项 附件1 第176项' }).waitFor();
    cityTaskId = Number(new URL(city.url()).pathname.split('/').pop());
    // Not handed down yet: the page says so, and the city's own words follow its level.
    await city
      .getByTestId('handed-down-card')
      .getByText(/尚未下达给下级机构/)
      .waitFor();
    await city.locator('.ant-descriptions').first().getByText('分管市领导', { exact: true }).waitFor();

    await city.getByRole('button', { name: label('下达') }).click();
    const modal = dialog(city, '下达事项：附件1 第176项');
    await modal.waitFor();
    const xz = modal.getByTestId('handdown-org-新洲区');
    const hp = modal.getByTestId('handdown-org-黄陂区');
    await xz.getByRole('checkbox', { name: '新洲区' }).check();
    await xz.getByRole('radio', { name: '下达本级目标' }).check();
    await xz.getByLabel('新洲区目标任务').fill(XZ_TARGET);
    await xz.getByLabel('新洲区完成时限').fill('11月');
    await hp.getByRole('checkbox', { name: '黄陂区' }).check();
    // 黄陂区 keeps the default: its own office sets the target.
    await expect(hp.getByRole('radio', { name: '由下级督查室确定目标' }).isChecked()).resolves.toBe(true);
    await shot(city, '01-handdown-dialog');
    await modal.getByRole('button', { name: /下达至 2 个下级机构/ }).click();
    await city.getByText('已下达至新洲区、黄陂区，各下级督查室已收到通知').waitFor();
    await modal.waitFor({ state: 'hidden' });

    // The task page now lists where it went.
    const card = city.getByTestId('handed-down-card');
    await card.getByText('下达情况（2 个下级机构）').waitFor();
    const item = await rollupOf(city);
    expect(item.lower.map((l) => [l.org.name, l.origin, l.targetMode, l.pendingLowerTarget])).toEqual([
      ['新洲区', 'handed_down', 'set', false],
      ['黄陂区', 'handed_down', 'lower_sets', true],
    ]);
    expect(lowerOf(item, '新洲区')).toMatchObject({ standard: XZ_TARGET, deadline: '11月', leadUnit: null });
    expect(lowerOf(item, '黄陂区')).toMatchObject({ standard: `${ITEM}，提档升级“四好农村路”。`, deadline: '12月' });
    for (const l of item.lower) lowerTaskIds[l.org.name] = l.taskId;
    await expect(text(card.getByTestId('lower-黄陂区'))).resolves.toMatch(/交办[\s\S]*待定目标[\s\S]*尚未指定/);
    await shot(city, '02-task-handed-down');

    // Opened again, the dialog shows both as already handed down and offers neither.
    await city.getByRole('button', { name: label('下达') }).click();
    await modal.getByTestId('handdown-existing').getByText('已下达至：新洲区（交办）、黄陂区（交办）').waitFor();
    await expect(modal.getByRole('checkbox', { name: '新洲区' }).isDisabled()).resolves.toBe(true);
    await modal.getByRole('button', { name: label('取消') }).click();
  });

  /** The district's office opens the item from the bell and assigns the bureau (and, if asked, sets its target). */
  async function districtTakesOver(d: District, setTarget: string | null): Promise<Page> {
    const office = await signedIn(d.office, '/office');
    await openBell(office, '/office');
    await office
      .getByTestId('notifications')
      .locator('.inbox-item')
      .filter({ hasText: '武汉市交办事项：176' })
      .first()
      .click();
    await office.waitForURL(`**/tasks/${lowerTaskIds[d.name]}`);
    const card = office.getByTestId('upstream-card');
    await card.waitFor();
    await expect(text(card)).resolves.toMatch(
      /上级机构\s*武汉市[\s\S]*第176项[\s\S]*上级交办[\s\S]*新改建农村公路500公里/,
    );
    await office.locator('.ant-descriptions').first().getByText('区目标', { exact: true }).waitFor();
    if (setTarget) {
      await card.getByText('武汉市请本级确定目标任务').waitFor();
      await shot(office, `03-${d.name}-task-prompt`);
      await card.getByRole('button', { name: '确定本级目标' }).click();
    } else {
      await card.getByText('武汉市交办的事项尚未指定责任单位').waitFor();
      await shot(office, `03-${d.name}-task-assign`);
      await card.getByRole('button', { name: '指定责任单位' }).click();
    }
    const edit = dialog(office, '编辑事项（当前第1版）');
    await edit.waitFor();
    if (setTarget) await edit.getByLabel('工作标准').fill(setTarget);
    await edit.getByRole('combobox', { name: '责任单位' }).click();
    await office.keyboard.type(UNIT);
    await pickOption(office, new RegExp(`^${UNIT}$`));
    // Close the list by clicking the dialog's title (Escape would close the dialog too).
    await edit.getByText('编辑事项（当前第1版）').click();
    await edit
      .locator('.ant-tag-red')
      .filter({ hasText: `牵头 ${UNIT}` })
      .waitFor();
    await edit.getByRole('button', { name: label('保存') }).click();
    await office.getByText('已保存，事项更新为第2版').waitFor();
    // Nothing left to do: no prompt, and the to-do list no longer carries the item.
    await card.getByRole('alert').waitFor({ state: 'detached' });
    const todos = await apiGet<{ items: { title: string }[] }>(office, '/api/todos');
    expect(todos.items.map((t) => t.title).join('\n')).not.toMatch(/武汉市交办事项176/);
    return office;
  }

  /** Q2 opened if needed; the bureau's clerk reports every task of its report, the head approves, the office accepts. */
  async function districtReports(d: District, office: Page): Promise<void> {
    const noticeId = (await apiGet<{ task: { noticeId: number } }>(office, `/api/tasks/${lowerTaskIds[d.name]}`)).task
      .noticeId;
    const periods = await apiGet<{ items: { id: number; noticeId: number; label: string; status: string }[] }>(
      office,
      '/api/periods',
    );
    const q2 = periods.items.find((p) => p.noticeId === noticeId && p.label === Q2)!;
    expect(q2, `${d.name} has a second quarter`).toBeTruthy();
    if (q2.status === 'planned') await apiSend(office, 'POST', `/api/periods/${q2.id}/open`);

    type View = {
      report: { id: number; version: number; state: string };
      items: { taskId: number; version: number; indicators: { id: number; target: number; unit: string }[] }[];
    };
    const clerk = await signedIn(d.clerk, '/unit');
    const view = await apiSend<View>(clerk, 'POST', `/api/periods/${q2.id}/reports/mine`);
    const ours = view.items.find((i) => i.taskId === lowerTaskIds[d.name]);
    expect(ours, `the handed-down task is in ${d.name}'s ${UNIT} report`).toBeTruthy();
    for (const item of view.items) {
      const mine = item.taskId === lowerTaskIds[d.name];
      await apiSend(clerk, 'PUT', `/api/reports/${view.report.id}/tasks/${item.taskId}`, {
        version: item.version,
        status: 'on_track',
        narrative: mine ? d.narrative : '二季度工作按计划推进。',
        problems: '',
        nextSteps: '三季度加快推进。',
        actuals: item.indicators.map((i) => ({
          indicatorId: i.id,
          value: mine ? d.built : Math.round(i.target * 0.5 * 10) / 10,
        })),
      });
    }
    const fresh = await apiGet<View>(clerk, `/api/reports/${view.report.id}`);
    await apiSend(clerk, 'POST', `/api/reports/${view.report.id}/submit`, { version: fresh.report.version });
    const head = await signedIn(d.head, '/unit-head');
    const pending = await apiGet<View>(head, `/api/reports/${view.report.id}`);
    await apiSend(head, 'POST', `/api/reports/${view.report.id}/approve`, { version: pending.report.version });
    const submitted = await apiGet<View>(office, `/api/reports/${view.report.id}`);
    const accepted = await apiSend<View>(office, 'POST', `/api/reports/${view.report.id}/accept`, {
      version: submitted.report.version,
    });
    expect(accepted.report.state).toBe('accepted');
    await clerk.context().close();
    await head.context().close();
  }

  it('新洲区’s office assigns the bureau, which reports; the office accepts', { timeout: 150_000 }, async () => {
    const office = await districtTakesOver(XZ, null);
    await districtReports(XZ, office);
    await office.context().close();
  });

  it(
    '黄陂区’s office sets its own target and assigns the bureau, which reports; the office accepts',
    { timeout: 150_000 },
    async () => {
      const office = await districtTakesOver(HP, HP_TARGET);
      await districtReports(HP, office);
      await office.context().close();
    },
  );

  it('shows the city both districts in its roll-up, with report states and actuals', { timeout: 90_000 }, async () => {
    const item = await rollupOf(city);
    const xz = lowerOf(item, '新洲区');
    const hp = lowerOf(item, '黄陂区');
    expect(xz).toMatchObject({
      leadUnit: UNIT,
      standing: { kind: 'accepted', timeliness: 'on_time', lateDays: 0, overdueDays: null },
      period: { label: Q2 },
    });
    expect(hp).toMatchObject({
      leadUnit: UNIT,
      standard: HP_TARGET,
      pendingLowerTarget: false,
      standing: { kind: 'accepted', timeliness: 'on_time', lateDays: 0 },
    });
    expect(xz.indicators).toEqual([{ name: '新改建农村公路', unit: '公里', target: 60, actual: XZ.built }]);
    // 黄陂区's office set its own target (45公里) in place of the city's text: the indicator follows it.
    expect(hp.indicators).toEqual([{ name: '新改建农村公路', unit: '公里', target: 45, actual: HP.built }]);
    const sum = item.sums.find((s) => s.name === '新改建农村公路' && s.unit === '公里')!;
    expect(sum).toMatchObject({ target: 105, actual: XZ.built + HP.built, orgs: 2, reportedOrgs: 2 });

    await city.goto('/office');
    await openMenu(city, '上下级汇总');
    await city.waitForURL('**/rollup');
    await city.getByRole('heading', { name: '上下级汇总' }).waitFor();
    const row = city.getByTestId(`rollup-item-${cityTaskId}`);
    await row.scrollIntoViewIfNeeded();
    // The item's row: both districts, two approved reports, the sum of what they built against their targets.
    await expect(text(row)).resolves.toMatch(/附件1 第176项[\s\S]*新洲区、黄陂区[\s\S]*已报 2\/2/);
    await expect(text(row)).resolves.toContain(`新改建农村公路：${XZ.built + HP.built} / ${sum.target}公里`);
    await row.click();
    const xzRow = city.getByTestId('lower-新洲区').filter({ hasText: XZ_TARGET });
    const hpRow = city.getByTestId('lower-黄陂区').filter({ hasText: HP_TARGET });
    await xzRow.waitFor();
    for (const [r, l] of [
      [xzRow, xz],
      [hpRow, hp],
    ] as const) {
      const t = await text(r);
      expect(t).toContain(UNIT);
      expect(t).toContain(l.light.label);
      expect(t).toMatch(/2024年第二季度（7月1日截止）[\s\S]*已通过[\s\S]*按时/);
      expect(t).toContain(`新改建农村公路：${l.indicators[0]!.actual} / ${l.indicators[0]!.target}公里`);
    }
    // The item's row at the top of the screen, its two districts under it.
    await row.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await city.evaluate(() => window.scrollBy(0, -80));
    await shot(city, '04-rollup');
    await shot(city, '04b-rollup-full', true);
  });

  it('ranks the districts and downloads the ranking as Excel', { timeout: 60_000 }, async () => {
    const ranking = await apiGet<{ items: { rank: number; org: { name: string }; score: number }[] }>(
      city,
      '/api/rollup/ranking',
    );
    expect(ranking.items.map((r) => r.org.name).sort()).toEqual(['新洲区', '黄陂区']);
    const card = city.getByTestId('lower-ranking');
    await card.scrollIntoViewIfNeeded();
    for (const r of ranking.items) {
      await expect(text(card.locator('.ant-table-row').nth(r.rank - 1))).resolves.toMatch(
        new RegExp(`${r.rank}\\s+${r.org.name}[\\s\\S]*${r.score.toFixed(1)}`),
      );
    }
    const [download] = await Promise.all([
      city.waitForEvent('download'),
      card.getByRole('link', { name: /导出 Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('交办事项排名-2024-06-25.xlsx');
    const head = fs
      .readFileSync(await download.path())
      .subarray(0, 2)
      .toString('latin1');
    expect(head).toBe('PK');
  });

  it('drills into 黄陂区’s task read-only', { timeout: 60_000 }, async () => {
    const row = city.getByTestId(`rollup-item-${cityTaskId}`);
    if (!(await city.getByTestId('lower-黄陂区').filter({ hasText: HP_TARGET }).isVisible())) await row.click();
    await city
      .getByTestId('lower-黄陂区')
      .filter({ hasText: HP_TARGET })
      .getByRole('link', { name: '查看黄陂区事项' })
      .click();
    await city.waitForURL(`**/rollup/lower-tasks/${lowerTaskIds['黄陂区']}`);
    await city.getByRole('heading', { name: /^黄陂区 · 事项 附件\d+ 第\d+项$/ }).waitFor();
    await city.getByTestId('readonly-banner').getByText('只读：这是黄陂区的事项').waitFor();
    const basics = city.locator('.ant-descriptions').first();
    await expect(text(basics)).resolves.toMatch(
      new RegExp(`上级序号\\s*176[\\s\\S]*黄陂区目标\\s*${HP_TARGET}[\\s\\S]*牵头 ${UNIT}`),
    );
    // Its report entry, as the district accepted it.
    const entry = city.getByRole('tabpanel').locator('.ant-table-row').filter({ hasText: HP.narrative });
    await expect(text(entry)).resolves.toMatch(new RegExp(`${Q2}[\\s\\S]*${UNIT}[\\s\\S]*已通过[\\s\\S]*按序时推进`));
    // Nothing on the page writes: no edit, no hand-down, no report actions.
    for (const name of ['编辑', '下达', '批示', '提请协调'])
      expect(await city.getByRole('button', { name: label(name) }).count()).toBe(0);
    await shot(city, '05-drill-down');
    // The city reads the district's task only through the roll-up.
    const direct = await city.request.get(`/api/tasks/${lowerTaskIds['黄陂区']}`);
    expect(direct.status()).toBe(403);
  });

  it('refuses a 黄陂区 user 新洲区’s task', { timeout: 60_000 }, async () => {
    for (const [user, home] of [
      [HP.office, '/office'],
      [HP.clerk, '/unit'],
    ] as const) {
      const page = await signedIn(user, home);
      const res = await page.request.get(`/api/tasks/${lowerTaskIds['新洲区']}`);
      expect(res.status(), `${user} on 新洲区's task`).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN_OTHER_ORG');
      // Nor through the roll-up: a district has nothing below it.
      expect((await page.request.get(`/api/rollup/lower-tasks/${lowerTaskIds['新洲区']}`)).status()).toBe(403);
      await page.context().close();
    }
    // Its own copy of the item is its own to read.
    const hp = await signedIn(HP.office, '/office');
    const own = await apiGet<{ task: { standard: string } }>(hp, `/api/tasks/${lowerTaskIds['黄陂区']}`);
    expect(own.task.standard).toBe(HP_TARGET);
  });
});
