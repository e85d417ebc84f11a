// Renders a sample 督查通报 as .docx, converts it to PDF with LibreOffice and to PNG pages with
// pdftoppm, so the official-document layout (GB/T 9704) can be looked at without Word.
//   npx tsx scripts/render-sample-document.ts [outDir=/tmp/duban-sample-document] [--landscape]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { convertToPdf, libreOfficeMissing, pdfPages } from '../server/documents/libreoffice';
import { renderOfficialDocx } from '../server/documents/official-docx';
import { sampleBulletin } from '../server/documents/sample-document';

const args = process.argv.slice(2);
const landscape = args.includes('--landscape');
const outDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? '/tmp/duban-sample-document');
fs.mkdirSync(outDir, { recursive: true });

const docxPath = path.join(outDir, 'sample-bulletin.docx');
fs.writeFileSync(docxPath, await renderOfficialDocx(sampleBulletin({ landscapeTables: landscape })));
console.log(`wrote ${docxPath}`);

const missing = libreOfficeMissing();
if (missing) {
  console.log(`no PDF: ${missing}`);
  process.exit(0);
}
const pdfPath = await convertToPdf(docxPath, outDir);
const pages = await pdfPages(pdfPath);
console.log(`wrote ${pdfPath}: ${pages.map((p) => `p${p.page} ${p.width}×${p.height}`).join(', ')}`);
for (const f of fs.readdirSync(outDir)) if (/^page-\d+\.png$/.test(f)) fs.rmSync(path.join(outDir, f));
execFileSync('pdftoppm', ['-r', '60', '-png', pdfPath, path.join(outDir, 'page')]);
console.log(
  `PNG pages: ${fs
    .readdirSync(outDir)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((f) => path.join(outDir, f))
    .join(' ')}`,
);
