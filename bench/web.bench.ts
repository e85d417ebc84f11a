// Web app benchmark (issue 8): how much JavaScript the first page and the office dashboard (the
// office's home, its workbench) load (gzip), and how long the office's 数据分析 page takes to put its
// first chart on screen in headless Chromium. Everything runs against a real `duban serve` process
// and the built web/dist, as an operator runs them; nothing is mocked.
//
//   npx tsx bench/web.bench.ts            builds web/dist if stale, starts a server on a fresh demo
//                                         database, prints the lines, stops the server
//   benchWeb({ baseUrl, print })          the same figures against a server already running
//   runWebBench(print)                    build + server + benchWeb + stop, for bench/run.ts
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Cookie, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../test/e2e/chromium-args';
import { startServerProcess } from '../server/test/server-process';
import { median } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..');
// The files the server serves (DUBAN_WEB_DIR, as server/config/config.ts reads it).
const DIST = path.resolve(process.env.DUBAN_WEB_DIR ?? path.join(ROOT, 'web', 'dist'));

const JS_TARGET_KB = 400;
const CHART_TARGET_MS = 1500;
const COLD_LOADS = 7;

// The office demo account (server/demo), the office's home (its workbench: figures, to-do list, the
// current period) and 数据分析, where the dashboard's charts have been since issue 15 (web/src/routes.tsx).
const OFFICE = { username: 'duchashi', password: 'Duban@2024' };
const DASHBOARD_PATH = '/office';
const CHARTS_PATH = '/analysis';
// The office home's first screen is there when its to-do list has its answer (a list or 暂无待办事项).
const FIRST_SCREEN = '[data-testid="todo-card"] :is(.ant-list, .ant-empty)';

export type BenchWebOptions = {
  /** A running Duban server with the demo loaded, e.g. http://127.0.0.1:3000 */
  baseUrl: string;
  print: (line: string) => void;
  /** Cold loads of the dashboard to take the median of (default 7). */
  runs?: number;
  /** Also print every script file with its size (`npx tsx bench/web.bench.ts --files`). */
  files?: boolean;
};

// Sizes in kB of 1,000 bytes, the unit Vite's build report uses, so the figures can be compared.
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const gzipSize = (body: Buffer) => zlib.gzipSync(body, { level: 9 }).length;
const jsMark = (bytes: number) => `[target < ${JS_TARGET_KB} KB: ${bytes < JS_TARGET_KB * 1000 ? 'met' : 'MISSED'}]`;


async function newContext(browser: Browser, baseUrl: string, cookies: Cookie[] = []): Promise<BrowserContext> {
  // A new context has its own empty HTTP cache: every load below is a cold load.
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(30_000);
  if (cookies.length) await context.addCookies(cookies);
  return context;
}

/** Signs the office in through the API once; the session cookie is then given to every cold load. */
async function officeCookies(browser: Browser, baseUrl: string): Promise<Cookie[]> {
  const context = await newContext(browser, baseUrl);
  try {
    const { csrfToken } = (await (await context.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const res = await context.request.post('/api/auth/login', { headers: { 'X-CSRF-Token': csrfToken }, data: OFFICE });
    if (!res.ok()) throw new Error(`office sign-in failed: ${res.status()} ${await res.text()}`);
    return await context.cookies();
  } finally {
    await context.close();
  }
}

type ScriptLoad = { url: string; raw: number; gzip: number; encoding: string | undefined };

/** Records every script response of the page (the body as decoded by the browser). */
function recordScripts(page: Page): () => Promise<ScriptLoad[]> {
  const pending: Promise<ScriptLoad>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      response
        .body()
        .then((body) => ({
          url: response.url(),
          raw: body.length,
          gzip: gzipSize(body),
          encoding: response.headers()['content-encoding'],
        })),
    );
  });
  return () => Promise.all(pending);
}

function fileLines(scripts: ScriptLoad[]): string[] {
  return [...scripts]
    .sort((a, b) => b.gzip - a.gzip)
    .map((s) => `    ${kB(s.gzip).padStart(9)} gzip  ${new URL(s.url).pathname}`);
}

function scriptsLine(what: string, scripts: ScriptLoad[]): string {
  const gzip = scripts.reduce((s, x) => s + x.gzip, 0);
  const raw = scripts.reduce((s, x) => s + x.raw, 0);
  const encodings = [...new Set(scripts.map((s) => s.encoding ?? 'none'))].join(', ');
  return `web first-load JS, ${what}: ${kB(gzip)} gzip in ${scripts.length} files (${kB(raw)} raw; server content-encoding: ${encodings})  ${jsMark(gzip)}`;
}

/**
 * Has a dashboard chart been painted on screen? Runs in the page on every animation frame. True
 * when an ECharts canvas inside a dashboard chart has a nonzero size, lies (at least partly) inside
 * the viewport, and holds pixels of more than one colour: ECharts draws into the canvas
 * synchronously in its render pass, so non-uniform pixels at a frame mean that frame shows the
 * chart (its first animation frame: legend, labels, the start of the bars or the ring). An empty
 * canvas (created, not yet drawn) is uniform. Returns the time since navigation start, measured
 * in the page (performance.now() counts from the document's navigation start).
 */
function chartPainted(): number | false {
  for (const canvas of Array.from(document.querySelectorAll<HTMLCanvasElement>('.dashboard-chart canvas'))) {
    if (canvas.width === 0 || canvas.height === 0) continue;
    const r = canvas.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.bottom <= 0 || r.top >= innerHeight) continue;
    const ctx = canvas.getContext('2d');
    if (!ctx) continue;
    const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 4; i < px.length; i += 4) {
      if (px[i] !== px[0] || px[i + 1] !== px[1] || px[i + 2] !== px[2] || px[i + 3] !== px[3])
        return performance.now();
    }
  }
  return false;
}

type ChartLoad = { chartMs: number; scriptsDoneMs: number; dashboardApiMs: number };

/** One cold load of the office home: every script it loads until the network is idle, the to-do list shown. */
async function officeHomeScripts(browser: Browser, baseUrl: string, cookies: Cookie[]): Promise<ScriptLoad[]> {
  const context = await newContext(browser, baseUrl, cookies);
  try {
    const page = await context.newPage();
    const scripts = recordScripts(page);
    await page.goto(DASHBOARD_PATH, { waitUntil: 'commit' });
    await page.locator(FIRST_SCREEN).first().waitFor();
    // Everything the page loads, not just what its first screen needed.
    await page.waitForLoadState('networkidle');
    return await scripts();
  } finally {
    await context.close();
  }
}

/** One cold load of the charts page: navigation start → first chart painted. */
async function chartColdLoad(browser: Browser, baseUrl: string, cookies: Cookie[]): Promise<ChartLoad> {
  const context = await newContext(browser, baseUrl, cookies);
  try {
    const page = await context.newPage();
    await page.goto(CHARTS_PATH, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(chartPainted, undefined, { polling: 'raf', timeout: 30_000 });
    const chartMs = (await handle.jsonValue()) as number;
    // Where the time went, from the page's resource timing (same clock as chartMs).
    // (No named helper inside: tsx would wrap it in a __name() call the page does not have.)
    const { scriptsDoneMs, dashboardApiMs } = await page.evaluate(() => {
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      return {
        scriptsDoneMs: Math.max(
          0,
          ...entries.filter((e) => new URL(e.name).pathname.endsWith('.js')).map((e) => e.responseEnd),
        ),
        dashboardApiMs: Math.max(
          0,
          ...entries.filter((e) => new URL(e.name).pathname === '/api/dashboard').map((e) => e.responseEnd),
        ),
      };
    });
    return { chartMs, scriptsDoneMs, dashboardApiMs };
  } finally {
    await context.close();
  }
}

/** The sign-in page, cold: `/` without a session goes to the sign-in form. */
async function signInPageScripts(browser: Browser, baseUrl: string): Promise<ScriptLoad[]> {
  const context = await newContext(browser, baseUrl);
  try {
    const page = await context.newPage();
    const scripts = recordScripts(page);
    await page.goto('/');
    await page.getByRole('button', { name: /登\s*录/ }).waitFor();
    await page.waitForLoadState('networkidle');
    return await scripts();
  } finally {
    await context.close();
  }
}

/** The cross-check from the build itself: index.html's entry script and its modulepreload chunks. */
function indexHtmlScripts(): { files: string[]; gzip: number } | null {
  const index = path.join(DIST, 'index.html');
  if (!fs.existsSync(index)) return null;
  const html = fs.readFileSync(index, 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((m) => (m[1] ?? m[2])!);
  const gzip = files.reduce((s, f) => s + gzipSize(fs.readFileSync(path.join(DIST, f))), 0);
  return { files, gzip };
}

export async function benchWeb({ baseUrl, print, runs = COLD_LOADS, files = false }: BenchWebOptions): Promise<void> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    print(`web: SKIPPED — Chromium not found at ${executablePath} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
    return;
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const signInScripts = await signInPageScripts(browser, baseUrl);
    print(scriptsLine('sign-in page (/)', signInScripts));
    if (files) fileLines(signInScripts).forEach((l) => print(l));
    const built = indexHtmlScripts();
    if (built)
      print(
        `web first-load JS, web/dist/index.html entry + modulepreload: ${kB(built.gzip)} gzip in ${built.files.length} files  ${jsMark(built.gzip)}`,
      );

    const cookies = await officeCookies(browser, baseUrl);
    const dashboardScripts = await officeHomeScripts(browser, baseUrl, cookies);
    print(scriptsLine(`office dashboard (${DASHBOARD_PATH}, signed in)`, dashboardScripts));
    if (files) fileLines(dashboardScripts).forEach((l) => print(l));

    // The first load warms the server (SQLite pages, V8 JIT) as a running office server is warm.
    await chartColdLoad(browser, baseUrl, cookies);
    const loads: ChartLoad[] = [];
    for (let i = 0; i < runs; i++) loads.push(await chartColdLoad(browser, baseUrl, cookies));
    const ms = median(loads.map((l) => l.chartMs));
    const min = Math.min(...loads.map((l) => l.chartMs));
    const max = Math.max(...loads.map((l) => l.chartMs));
    print(
      `web office dashboard first chart on screen (${CHARTS_PATH}): median ${(ms / 1000).toFixed(2)} s over ${runs} cold loads ` +
        `(min ${(min / 1000).toFixed(2)}, max ${(max / 1000).toFixed(2)}; scripts loaded by ${(median(loads.map((l) => l.scriptsDoneMs)) / 1000).toFixed(2)} s, ` +
        `/api/dashboard answered by ${(median(loads.map((l) => l.dashboardApiMs)) / 1000).toFixed(2)} s)  [target < ${CHART_TARGET_MS / 1000} s: ${ms < CHART_TARGET_MS ? 'met' : 'MISSED'}]`,
    );
  } finally {
    await browser.close();
  }
}

/** Builds web/dist if stale (as `npm start` does), runs a demo server on a fresh SQLite database, benches it. */
export async function runWebBench(
  print: (line: string) => void,
  opts: Pick<BenchWebOptions, 'runs' | 'files'> = {},
): Promise<void> {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-web-if-stale.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`web build failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-bench-web-'));
  // Never a developer's PostgreSQL database: the bench seeds its own demo.
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const server = await startServerProcess(
    { ...env, DUBAN_DATA_DIR: dataDir, DUBAN_DEMO: '1', DUBAN_SCHEDULER: 'off' },
    { readyTimeoutMs: 120_000 },
  );
  try {
    await benchWeb({ baseUrl: server.url, print, ...opts });
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await runWebBench((line) => console.log(line), { files: process.argv.includes('--files') });
}
