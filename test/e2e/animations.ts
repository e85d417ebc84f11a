import type { Page } from 'playwright-core';

/**
 * Waits until every CSS animation with an end has finished (a dialog's zoom, a drawer's slide), as a
 * person waits for a dialog to appear before reading or clicking it. Spinners loop forever; only
 * animations with an end are waited for.
 */
export async function animationsSettled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}
