// Writes the scanned-notice fixtures (server/import/fixtures/scans/) from the seed's PDF: its first
// two pages rendered at 200 dpi by poppler (pdftoppm), once clean and once as a worn office scan
// (tilted 0.8°, blurred, speckled, grey paper, stronger JPEG), each wrapped in a PDF the way a
// scanner writes one. Run: npx tsx scripts/make-scan-fixtures.ts (needs poppler-utils).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { scannedPdf } from '../server/import/fixtures/minimal-pdf';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'server/import/fixtures/scans');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-scan-'));
execFileSync('pdftoppm', ['-r', '200', '-gray', '-f', '1', '-l', '2', '-png', path.join(root, 'data/demo/xinzhou-2024-notice.pdf'), path.join(tmp, 'p')]);
const rendered = fs.readdirSync(tmp).sort().map((f) => path.join(tmp, f));

/** A worn scan: grey paper, speckle (a fixed pseudo-random sequence: the same file every run), blur, a tilt. */
async function worn(file: string): Promise<sharp.Sharp> {
  const { data, info } = await sharp(file).toColourspace('b-w').removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  for (let i = 0; i < data.length; i++) data[i] = Math.round(20 + data[i]! * 0.85);
  let seed = 20240402;
  for (let i = 0; i < data.length / 300; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    data[seed % data.length] = 70;
  }
  const tilted = await sharp(data, { raw: { width, height, channels: 1 } }).blur(0.7).rotate(0.8, { background: '#eeeeee' }).toColourspace('b-w').removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const [w, h] = [tilted.info.width, tilted.info.height];
  return sharp(tilted.data, { raw: { width: w, height: h, channels: 1 } }).extract({ left: Math.floor((w - width) / 2), top: Math.floor((h - height) / 2), width, height });
}

async function page(file: string, wornOut: boolean) {
  const img = wornOut ? await worn(file) : sharp(file).greyscale();
  const { data, info } = await img.toColourspace('b-w').jpeg({ quality: wornOut ? 55 : 70 }).toBuffer({ resolveWithObject: true });
  return { jpeg: data, width: info.width, height: info.height };
}

for (const wornOut of [false, true]) {
  const pdf = scannedPdf(await Promise.all(rendered.map((f) => page(f, wornOut))));
  const name = wornOut ? 'seed-pages-1-2-worn-scan.pdf' : 'seed-pages-1-2-scan.pdf';
  fs.writeFileSync(path.join(out, name), pdf);
  console.log(name, `${Math.round(pdf.length / 1024)} KB`);
}
fs.rmSync(tmp, { recursive: true, force: true });
