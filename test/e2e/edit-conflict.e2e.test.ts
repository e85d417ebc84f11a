import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations } from './axe';
import { apiGet, signIn, startE2E, type E2E } from './harness';

// Issue 17, finding 11, in the browser: two people of the office open the same unit to edit it.
// The first saves; the second, still looking at what they loaded, saves too and is told in the
// modal that someone else saved first and to reload — nothing of theirs overwrites the first save.
// Screenshots of the refusal at 1366×768 and 390×844; axe-core over the dialog.

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.stop();
});

type Unit = { id: number; name: string; aliases: string[]; version: number };

async function openUnitEditor(page: Page, name: string) {
  await page.goto('/office/directory');
  await page.getByPlaceholder('按名称或别名搜索').fill(name);
  await page.getByRole('row').filter({ hasText: name }).getByRole('button', { name: /编\s*辑/ }).click();
  const dialog = page.getByRole('dialog').filter({ has: page.getByText(/编辑单位/) });
  await dialog.getByLabel('单位名称').waitFor();
  return dialog;
}

describe('two editors of one unit', () => {
  it('refuses the second save with a message to reload, keeping the first', { timeout: 120_000 }, async () => {
    const first = (await e2e.newPage()).page;
    const second = (await e2e.newPage()).page;
    for (const page of [first, second]) {
      await signIn(page, 'duchashi');
      await page.waitForURL('**/office');
    }
    const units = (await apiGet<{ items: Unit[] }>(first, '/api/units')).items;
    const unit = units.find((u) => u.name === '区交通运输局')!;
    expect(unit).toBeDefined();

    // Both open the editor on the same version of the unit.
    const firstDialog = await openUnitEditor(first, unit.name);
    const secondDialog = await openUnitEditor(second, unit.name);

    await firstDialog.getByLabel('单位名称').fill('区交通运输局（甲）');
    await firstDialog.getByRole('button', { name: '确 定' }).click();
    await first.getByText('单位信息已保存').waitFor();

    await secondDialog.getByLabel('单位名称').fill('区交通运输局（乙）');
    await secondDialog.getByRole('button', { name: '确 定' }).click();
    const alert = secondDialog.getByRole('alert').filter({ hasText: '他人已先保存' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/请刷新页面/);
    // The modal stays open with what the second person typed, so nothing they wrote is lost either.
    expect(await secondDialog.getByLabel('单位名称').inputValue()).toBe('区交通运输局（乙）');

    for (const [w, h] of [
      [1366, 768],
      [390, 844],
    ] as const) {
      await second.setViewportSize({ width: w, height: h });
      await alert.waitFor();
      await e2e.screenshot(second, `edit-conflict-unit-${w}x${h}`);
    }
    await second.setViewportSize({ width: 1366, height: 768 });
    const violations = await axeViolations(second, '.ant-modal');
    expect(describeViolations(violations)).toEqual([]);

    // The first save stands, one version on.
    const after = (await apiGet<{ items: Unit[] }>(second, '/api/units')).items.find((u) => u.id === unit.id)!;
    expect(after).toMatchObject({ name: '区交通运输局（甲）', version: unit.version + 1 });

    // Reloaded, the second person sees the first one's name and can save over it knowingly.
    await secondDialog.getByRole('button', { name: '取 消' }).click();
    const reopened = await openUnitEditor(second, '区交通运输局（甲）');
    expect(await reopened.getByLabel('单位名称').inputValue()).toBe('区交通运输局（甲）');
    await reopened.getByLabel('单位名称').fill('区交通运输局');
    await reopened.getByRole('button', { name: '确 定' }).click();
    await second.getByText('单位信息已保存').waitFor();
  });
});
