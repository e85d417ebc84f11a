import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * LibreOffice (headless) and poppler-utils as a second reader of the Word files Duban writes:
 * convert .docx → PDF, then read page sizes (pdfinfo) and text (pdftotext). Used by tests and by
 * scripts/render-sample-document.ts. Debian packages: libreoffice-writer-nogui poppler-utils
 * (and fonts-noto-cjk for Chinese glyphs); .ci/run installs them.
 */
const run = promisify(execFile);

export const LIBREOFFICE_PACKAGES = 'libreoffice-writer-nogui poppler-utils fonts-noto-cjk';

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string, extra: string[] = []): string | null {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), ...extra].filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

export function findSoffice(): string | null {
  const given = process.env.SOFFICE_PATH;
  if (given) return isExecutable(given) ? given : null;
  return onPath('soffice', [
    '/usr/bin',
    '/usr/lib/libreoffice/program',
    '/opt/libreoffice/program',
    '/Applications/LibreOffice.app/Contents/MacOS',
  ]);
}

/** What is missing for LibreOffice checks, or null when soffice, pdfinfo and pdftotext are all here. */
export function libreOfficeMissing(): string | null {
  const missing = [
    findSoffice() ? null : 'soffice',
    ...['pdfinfo', 'pdftotext'].map((t) => (onPath(t, ['/usr/bin']) ? null : t)),
  ].filter(Boolean);
  return missing.length ? `${missing.join(', ')} not found; install the Debian packages ${LIBREOFFICE_PACKAGES}` : null;
}

/**
 * Substitutes for the official fonts, as fontconfig aliases. LibreOffice on Linux resolves a missing
 * font through fontconfig by name only (it does not pass on the font table's family class or
 * alternate name), and fontconfig's default for an unknown name is a sans-serif: 仿宋 body text
 * would come out in a 黑体-like face. These aliases keep the Song/Fang Song/Kai faces serif and
 * 黑体 sans, preferring the real faces where installed.
 */
const SUBSTITUTES: Record<string, string[]> = {
  方正小标宋简体: ['FZXiaoBiaoSong-B05S', 'Source Han Serif SC', 'Noto Serif CJK SC', 'serif'],
  仿宋_GB2312: ['FangSong', '仿宋', 'Noto Serif CJK SC', 'serif'],
  楷体_GB2312: ['KaiTi', '楷体', 'AR PL UKai CN', 'LXGW WenKai', 'Noto Serif CJK SC', 'serif'],
  黑体: ['SimHei', 'Source Han Sans SC', 'Noto Sans CJK SC', 'sans-serif'],
  宋体: ['SimSun', 'Noto Serif CJK SC', 'serif'],
  SimSun: ['宋体', 'Noto Serif CJK SC', 'serif'],
};

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function fontconfigFile(dir: string): string {
  const base = process.env.FONTCONFIG_FILE ?? '/etc/fonts/fonts.conf';
  const aliases = Object.entries(SUBSTITUTES)
    .map(
      ([name, prefer]) =>
        `<alias binding="strong"><family>${escapeXml(name)}</family><prefer>${prefer.map((f) => `<family>${escapeXml(f)}</family>`).join('')}</prefer></alias>`,
    )
    .join('\n  ');
  const file = path.join(dir, 'fonts.conf');
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">${escapeXml(base)}</include>\n  ${aliases}\n</fontconfig>\n`,
  );
  return file;
}

/**
 * Converts a .docx to PDF and returns the PDF's path (in outDir). Each call uses its own
 * LibreOffice profile directory: two soffice processes sharing a profile block or fail, and tests
 * run in parallel.
 */
export async function convertToPdf(docxPath: string, outDir: string, timeoutMs = 120_000): Promise<string> {
  const soffice = findSoffice();
  if (!soffice) throw new Error(libreOfficeMissing() ?? 'soffice not found');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-lo-profile-'));
  try {
    await run(
      soffice,
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${profile}`,
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        docxPath,
      ],
      { timeout: timeoutMs, killSignal: 'SIGKILL', env: { ...process.env, FONTCONFIG_FILE: fontconfigFile(profile) } },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const pdf = path.join(outDir, `${path.basename(docxPath, path.extname(docxPath))}.pdf`);
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not write ${pdf}`);
  return pdf;
}

export type PdfPage = { page: number; width: number; height: number };

/** Page count and each page's size in points, from `pdfinfo -f 1 -l N`. */
export async function pdfPages(pdfPath: string): Promise<PdfPage[]> {
  const info = (await run('pdfinfo', [pdfPath])).stdout;
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  if (!count) return [];
  const sizes = (await run('pdfinfo', ['-f', '1', '-l', String(count), pdfPath])).stdout;
  const pages: PdfPage[] = [];
  for (const m of sizes.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)) {
    pages.push({ page: Number(m[1]), width: Number(m[2]), height: Number(m[3]) });
  }
  return pages;
}

/** The PDF's text with its layout kept (`pdftotext -layout`), optionally of some pages only. */
export async function pdfText(pdfPath: string, pages?: { first: number; last: number }): Promise<string> {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return (await run('pdftotext', ['-layout', ...range, pdfPath, '-'], { maxBuffer: 32 * 1024 * 1024 })).stdout;
}

/** Writes the .docx to a fresh temporary directory, converts it, and returns both paths. */
export async function docxToPdf(
  docx: Buffer,
  name = 'document',
): Promise<{ dir: string; docxPath: string; pdfPath: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-docx-'));
  const docxPath = path.join(dir, `${name}.docx`);
  fs.writeFileSync(docxPath, docx);
  return { dir, docxPath, pdfPath: await convertToPdf(docxPath, dir) };
}

export type PdfLine = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };

/** One page's text lines with their boxes in points from the top left (`pdftotext -bbox-layout`). */
export async function pdfLines(pdfPath: string, page: number): Promise<PdfLine[]> {
  const xml = (
    await run('pdftotext', ['-bbox-layout', '-f', String(page), '-l', String(page), pdfPath, '-'], {
      maxBuffer: 32 * 1024 * 1024,
    })
  ).stdout;
  const lines: PdfLine[] = [];
  for (const m of xml.matchAll(
    /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
  )) {
    const words = [...m[5]!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => w[1]!);
    lines.push({
      text: words.join(' '),
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
    });
  }
  return lines;
}
