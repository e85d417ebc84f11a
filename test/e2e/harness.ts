/**
 * End-to-end harness: a built web app, a real Duban server on a free port with a fresh data
 * directory, and a headless Chromium. Nothing here is mocked: the browser talks to the same server
 * binary an operator runs (`node bin/duban.mjs serve`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium-args';
import { startServerProcess } from '../../server/test/server-process';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RESULTS_DIR = path.join(ROOT, 'test-results', 'e2e');
export const DEMO_PASSWORD = 'Duban@2024';

// ---------------------------------------------------------------------------------------------
// web build and server

/** Builds web/dist when stale, exactly as `npm start` does (one script, production mode); once per run (global-setup.ts). */
export function ensureWebBuilt(): void {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-web-if-stale.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (result.status !== 0) throw new Error(`web build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
}

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * The real server (`duban serve`) with the demo on, on a SQLite file in a temporary folder: a fresh
 * copy of the run's seeded demo (global-setup.ts) when the file asks for the plain demo, else a new
 * folder the server seeds itself (a different DUBAN_TODAY, for one, seeds different dates).
 * dataDir: a folder of the caller's, kept after stop (the global setup makes the template there).
 */
export async function startServer(extraEnv: NodeJS.ProcessEnv = {}, opts: { dataDir?: string } = {}): Promise<RunningServer> {
  const dataDir = opts.dataDir ?? freshDataDir(extraEnv);
  // Never touch a developer's PostgreSQL database from a browser test.
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const server = await startServerProcess({ ...env, DUBAN_DATA_DIR: dataDir, DUBAN_DEMO: '1', ...extraEnv }, { readyTimeoutMs: 90_000 });
  return {
    baseUrl: server.url,
    dataDir,
    output: server.output,
    stop: async () => {
      await server.stop();
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function freshDataDir(extraEnv: NodeJS.ProcessEnv): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-e2e-'));
  const template = Object.keys(extraEnv).length === 0 ? inject('demoTemplateDir') : undefined;
  if (template) fs.cpSync(template, dataDir, { recursive: true });
  return dataDir;
}

// ---------------------------------------------------------------------------------------------
// browser

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it (apt-get install -y chromium fonts-noto-cjk) ` +
        'or point CHROMIUM_PATH at a Chromium binary. The end-to-end suite cannot run without it.',
    );
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

// ---------------------------------------------------------------------------------------------
// the whole environment

export interface E2E {
  baseUrl: string;
  server: RunningServer;
  browser: Browser;
  /** A fresh browser context (own cookies) and page, sized like an office desktop screen. */
  newPage: () => Promise<{ context: BrowserContext; page: Page }>;
  screenshot: (page: Page, name: string) => Promise<string>;
  stop: () => Promise<void>;
}

/** extraEnv: server settings for this file, e.g. { DUBAN_TODAY: '2024-07-03' } for a day after a deadline. */
export async function startE2E(extraEnv: NodeJS.ProcessEnv = {}): Promise<E2E> {
  const server = await startServer(extraEnv);
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    await server.stop();
    throw err;
  }
  const contexts: BrowserContext[] = [];
  fs.mkdirSync(RESULTS_DIR, { recursive: true });

  return {
    baseUrl: server.baseUrl,
    server,
    browser,
    newPage: async () => {
      const context = await browser.newContext({
        baseURL: server.baseUrl,
        viewport: { width: 1440, height: 900 },
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      const page = await context.newPage();
      // Every screenshot is a moment a person looks at the page: at that moment nothing may scroll
      // sideways, on a desktop or on a phone (issue 18).
      const shoot = page.screenshot.bind(page);
      page.screenshot = async (options) => {
        await expectNoSidewaysScroll(page);
        return shoot(options);
      };
      return { context, page };
    },
    screenshot: async (page, name) => {
      const file = path.join(RESULTS_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    stop: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.stop();
    },
  };
}

/**
 * The page is no wider than its window: nothing to scroll sideways (tables scroll inside their card).
 * Right after a resize a popup may still sit where the wider window put it: the page gets a few
 * seconds to settle, and must then fit. One pixel is allowed for sub-pixel layout: a box ending at
 * 390.4 px makes Chromium report a scroll width of 391 in a 390 px window (at most a pixel to scroll).
 * Every e2e check of sideways scrolling uses this one rule.
 */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = () =>
    page.evaluate(() => {
      const { scrollWidth, clientWidth } = document.documentElement;
      if (scrollWidth <= clientWidth + 1) return '';
      // Name the narrowest elements that reach past the window: usually the one to fix.
      const past = [...document.querySelectorAll('body *')]
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && box.right > clientWidth + 1)
        .sort((a, b) => a.box.width - b.box.width)
        .slice(0, 3)
        .map(({ el, box }) => `<${el.tagName.toLowerCase()} class="${String(el.getAttribute('class') ?? '').slice(0, 60)}"> ${Math.round(box.left)}–${Math.round(box.right)} px「${(el.textContent ?? '').trim().slice(0, 20)}」`);
      return `${location.pathname} is ${scrollWidth} px wide in a ${clientWidth} px window: ${past.join('; ')}`;
    });
  await expect.poll(overflow, { timeout: 5_000 }).toBe('');
}

/**
 * Brings a part of the page into view when the current layout shows it. A resize makes antd swap
 * layouts (tabs on a desktop, panels on a phone), so the element found a moment ago may be replaced
 * as it is scrolled to: it is looked up again, a few times, until the layout holds still.
 */
export async function scrollIntoViewIfShown(page: Page, selector: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const target = page.locator(selector).first();
    try {
      if (!(await target.isVisible())) return;
      await target.scrollIntoViewIfNeeded({ timeout: 2_000 });
      return;
    } catch (error) {
      if (attempt === 4) throw error;
      await page.waitForTimeout(300);
    }
  }
}

/** Signs in through the real form, the way a user does. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** GET as the signed-in page (its cookies); the answer must be 200. */
export async function apiGet<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}

/** The API as the signed-in page: its cookies, plus the CSRF token the session hands out. */
export async function apiSend<T>(page: Page, method: 'POST' | 'PUT', url: string, data: unknown = {}): Promise<T> {
  const { csrfToken } = await apiGet<{ csrfToken: string }>(page, '/api/auth/me');
  const res = await page.request.fetch(url, { method, headers: { 'X-CSRF-Token': csrfToken }, data });
  expect(res.status(), `${method} ${url}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}
