import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { WorkCalendarView } from '../../web/src/supervision/api';
import { apiGet, RESULTS_DIR, signIn, startE2E, type E2E } from './harness';
import { dialog, label, openMenu, pickOption, screen } from './ledger-steps';

// 工作日历 through the browser, against the real demo server (business year 2024): the office opens
// 系统设置, finds the shipped 2024 国庆节, enters 2027's National Day (not shipped) as the State
// Council would announce it, saves, reloads and finds it again. Screenshots: the card at 1366×768
// and at 390×844 (test-results/e2e/work-calendar-*.png, also copied to /tmp).

let e2e: E2E;
let office: Page;

beforeAll(async () => {
  e2e = await startE2E();
  ({ page: office } = await e2e.newPage());
  await signIn(office, 'duchashi');
  await office.waitForURL('**/office');
});

afterAll(async () => {
  await e2e?.stop();
});

const card = (page: Page) => page.getByTestId('settings-work-calendar');
const rowOf = (c: Locator, text: string) => c.locator('.ant-table-row').filter({ hasText: text });

async function pickDate(modal: Locator, field: string, date: string): Promise<void> {
  const input = modal.getByLabel(field);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function chooseYear(page: Page, year: number): Promise<void> {
  // The selector shows the chosen year over its input; click the box, away from the sticky header.
  const select = card(page).locator('.ant-select', { has: page.locator('#work-calendar-year') });
  await select.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await select.click();
  await pickOption(page, new RegExp(`^${year}年`));
}

describe('工作日历', () => {
  it('shows the shipped 2024 国庆节 on the settings page', { timeout: 60_000 }, async () => {
    await openMenu(office, '系统设置');
    await openMenu(office, '参数设置');
    await office.waitForURL('**/office/settings');
    const c = card(office);
    await c.getByText('工作日历', { exact: true }).waitFor();
    const national = rowOf(c, '10月1日至10月7日');
    await national.waitFor();
    await expect(national.innerText()).resolves.toMatch(/国庆节[\s\S]*内置/);
    await expect(national.innerText()).resolves.toMatch(/放假/);
    await expect(rowOf(c, '10月12日').innerText()).resolves.toMatch(/国庆节调休上班/);
    await expect(c.getByLabel('按工作日计算', { exact: false }).isChecked()).resolves.toBe(true);
    await expect(
      c
        .getByText(/逾期天数/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await national.scrollIntoViewIfNeeded();
    await screen(office, 'work-calendar-01-shipped-2024');
  });

  it('enters 2027’s National Day, saves, and finds it after a reload', { timeout: 90_000 }, async () => {
    const c = card(office);
    await chooseYear(office, 2027);
    await c.getByText('2027年国务院放假安排尚未内置，请按通知录入').waitFor();

    // 10月1日至7日 放假.
    await c.getByRole('button', { name: '新增放假或调休上班日' }).click();
    let modal = dialog(office, '新增放假或调休上班日（2027年）');
    await modal.waitFor();
    await pickDate(modal, '日期（连续多天时为第一天）', '2027-10-01');
    await pickDate(modal, '至（连续多天放假时选最后一天，只有一天可不填）', '2027-10-07');
    await modal.getByLabel('名称').fill('国庆节');
    await modal.getByText('10月1日（星期五）至10月7日（星期四），共7天。').waitFor();
    await screen(office, 'work-calendar-02-add');
    await modal.getByRole('button', { name: label('确定') }).click();
    await modal.waitFor({ state: 'hidden' });
    await rowOf(c, '10月1日至10月7日').waitFor();

    // A date already entered is refused in the dialog, before anything is sent.
    await c.getByRole('button', { name: '新增放假或调休上班日' }).click();
    modal = dialog(office, '新增放假或调休上班日（2027年）');
    await pickDate(modal, '日期（连续多天时为第一天）', '2027-10-03');
    await modal.getByLabel('名称').fill('国庆节');
    await modal.getByRole('button', { name: label('确定') }).click();
    await modal.getByText('10月3日（国庆节）已录入，请先修改或删除表中那一行').waitFor();
    // …and the Sunday before becomes a working day instead.
    await pickDate(modal, '日期（连续多天时为第一天）', '2027-09-26');
    await modal.getByText('9月26日，星期日。').waitFor();
    await modal.getByText('调休上班', { exact: true }).click();
    await modal.getByLabel('名称').fill('国庆节调休上班');
    await modal.getByRole('button', { name: label('确定') }).click();
    await modal.waitFor({ state: 'hidden' });
    await c.getByText('有未保存的修改', { exact: false }).waitFor();

    await c.getByRole('button', { name: label('保存') }).click();
    await office.getByText('工作日历已保存', { exact: false }).waitFor();
    const saved = await apiGet<WorkCalendarView>(office, '/api/settings/work-calendar?year=2027');
    expect(saved.days.map((d) => [d.date, d.off, d.name, d.source])).toEqual([
      ['2027-09-26', false, '国庆节调休上班', 'office'],
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => [`2027-10-0${n}`, true, '国庆节', 'office']),
    ]);

    await office.reload();
    await card(office).getByText('节假日和调休上班日').waitFor();
    await chooseYear(office, 2027);
    const national = rowOf(card(office), '10月1日至10月7日');
    await national.waitFor();
    await expect(national.innerText()).resolves.toMatch(/国庆节[\s\S]*本室录入/);
    await expect(rowOf(card(office), '9月26日').innerText()).resolves.toMatch(/星期日[\s\S]*上班[\s\S]*国庆节调休上班/);
    await screen(office, 'work-calendar-03-saved');
  });

  it('fits a desktop and a phone', { timeout: 60_000 }, async () => {
    for (const [name, width, height] of [
      ['1366', 1366, 768],
      ['390', 390, 844],
    ] as const) {
      await office.setViewportSize({ width, height });
      await office.reload();
      const c = card(office);
      await c.getByText('节假日和调休上班日').waitFor();
      await chooseYear(office, 2027);
      await rowOf(c, '10月1日至10月7日').waitFor();
      await office.waitForTimeout(400);
      // Nothing in the card wider than the card: its table folds its columns on a phone.
      const overflow = await c.evaluate((el) =>
        Math.max(
          ...[el, ...el.querySelectorAll('.ant-table-content, .ant-card-body')].map(
            (x) => x.scrollWidth - x.clientWidth,
          ),
        ),
      );
      // The whole card, shot from the top of the page so that the sticky header does not cover it.
      await office.evaluate(() => window.scrollTo(0, 0));
      const box = (await c.boundingBox())!;
      for (const file of [`/tmp/work-calendar-${name}.png`, path.join(RESULTS_DIR, `work-calendar-${name}.png`)])
        await office.screenshot({ path: file, fullPage: true, clip: box });
      expect(overflow, `the card scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
    }
  });
});
