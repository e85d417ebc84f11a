import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderNoticeOfd } from '../fixtures/render-notice-ofd';
import { renderNoticeDocx } from '../fixtures/render-notice';
import { repairLines, scoreAgainstGolden } from './golden-fields';
import { ImportFileError } from './import-error';
import { readNoticeFile } from './read-notice-file';

const demo = path.resolve(import.meta.dirname, '../../../data/demo');
const seed = fs.readFileSync(path.join(demo, 'xinzhou-2024-notice.txt'), 'utf8');
const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';

async function refusal(name: string, buf: Buffer): Promise<ImportFileError> {
  try {
    await readNoticeFile(name, buf);
  } catch (e) {
    if (e instanceof ImportFileError) return e;
    throw e;
  }
  throw new Error(`${name} was accepted`);
}

/** A small OFD package: OFD.xml → Doc_0/Document.xml → one Content.xml per page body given. */
async function ofd(pageBodies: string[], opts: { docRoot?: string; absolute?: boolean } = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('OFD.xml', `<?xml version="1.0"?><ofd:OFD ${NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo/>${opts.docRoot ?? '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>'}</ofd:DocBody></ofd:OFD>`);
  const refs = pageBodies.map((body, i) => {
    zip.file(`Doc_0/Pages/Page_${i}/Content.xml`, body.startsWith('<?xml') ? body : `<ofd:Page ${NS}><ofd:Content><ofd:Layer ID="1">${body}</ofd:Layer></ofd:Content></ofd:Page>`);
    return `<ofd:Page ID="${i + 2}" BaseLoc="${opts.absolute ? '/Doc_0/' : ''}Pages/Page_${i}/Content.xml"/>`;
  });
  zip.file('Doc_0/Document.xml', `<ofd:Document ${NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>${refs.join('')}</ofd:Pages></ofd:Document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const text = (x: number, y: number, s: string, deltaX?: string) =>
  `<ofd:TextObject ID="9" Boundary="${x} ${y} 150 6" Font="1" Size="4.2"><ofd:TextCode X="0" Y="4"${deltaX ? ` DeltaX="${deltaX}"` : ''}>${s}</ofd:TextCode></ofd:TextObject>`;

describe('OFD notices', () => {
  it('reads the seed laid out as OFD: every golden field, as the .docx gives, page numbers dropped', async () => {
    const docx = await readNoticeFile('seed.docx', await renderNoticeDocx(seed));
    const file = await readNoticeFile('xinzhou-2024-notice.ofd', fs.readFileSync(path.join(demo, 'xinzhou-2024-notice.ofd')));
    const score = scoreAgainstGolden(file.rows);
    expect(score.diffs).toEqual([]);
    expect(score.equal).toBe(scoreAgainstGolden(docx.rows).equal); // 2920 of 2920 fields
    expect(file.format).toBe('ofd');
    expect(file.rows.length).toBe(docx.rows.length);
    // The reviewer is shown the same repairs as for the Word file (58 for the seed).
    expect(repairLines(file.rows)).toEqual(repairLines(docx.rows));
    expect(file.rows.some((r) => r.cells.some((c) => /^—\s*\d+\s*—$/u.test(c)))).toBe(false);
    expect(file.where(1)).toBe('第1页第1行');
    expect(file.where(file.rows.length)).toMatch(/^第46页第\d+行$/);
  });

  it('the committed OFD is what the writer makes from the committed PDF, and is laid out as OFD writers do', async () => {
    const committed = fs.readFileSync(path.join(demo, 'xinzhou-2024-notice.ofd'));
    const made = await renderNoticeOfd(fs.readFileSync(path.join(demo, 'xinzhou-2024-notice.pdf')));
    expect(made.equals(committed)).toBe(true);
    const zip = await JSZip.loadAsync(committed);
    const page2 = await zip.file('Doc_0/Pages/Page_1/Content.xml')!.async('string');
    // Table borders as paths; each line of each cell its own positioned text object.
    expect(page2.match(/<ofd:PathObject /g)!.length).toBeGreaterThan(10);
    expect(page2).toMatch(/<ofd:TextObject ID="\d+" Boundary="[\d. ]+" Font="2" Size="3.528"><ofd:FillColor Value="0 0 0"\/><ofd:TextCode X="0" Y="3.528" DeltaX="[^"]+">定。<\/ofd:TextCode>/);
    expect(page2).toMatch(/>— 2 —</);
  });

  it('reads absolute locations, the 「g N v」 DeltaX shorthand and spaces carried by the advance', async () => {
    const file = await readNoticeFile(
      'a.ofd',
      await ofd(
        [
          text(25, 30, '关于做好工作的通知') +
            // 「区发改局 区财政局」 written without the space: the advance after 局 carries it.
            text(25, 40, '区发改局区财政局', 'g 3 4.2 6.3 g 3 4.2') +
            text(25, 50, '序号', '4.2') +
            text(80, 50, '责任单位', 'g 3 4.2'),
        ],
        { absolute: true },
      ),
    );
    expect(file.rows.map((r) => r.cells)).toEqual([['关于做好工作的通知'], ['区发改局 区财政局'], ['序号', '责任单位']]);
  });

  it('refuses what is not an OFD, a broken package, entities, too many pages and scans, saying what to do', async () => {
    expect((await refusal('x.ofd', Buffer.from('not a zip'))).code).toBe('IMPORT_FILE_CORRUPT');
    const noRoot = await refusal('x.ofd', await ofd([text(25, 30, '通知')], { docRoot: '' }));
    expect(noRoot.code).toBe('IMPORT_FILE_CORRUPT');
    expect(noRoot.zh).toMatch(/OFD 阅读器/);
    const xxe = await refusal('x.ofd', await ofd(['<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><ofd:Page/>']));
    expect(xxe.code).toBe('IMPORT_XML_ENTITIES');
    expect(xxe.where).toBe('Doc_0/Pages/Page_0/Content.xml');
    const long = await refusal('x.ofd', await ofd(Array.from({ length: 501 }, () => text(25, 30, '页'))));
    expect(long.code).toBe('IMPORT_FILE_TOO_COMPLEX');
    const image = '<ofd:ImageObject ID="5" Boundary="0 0 210 297" ResourceID="7"/>';
    expect((await refusal('x.ofd', await ofd([image, image]))).code).toBe('IMPORT_SCANNED_PDF');
    const mixed = await refusal('x.ofd', await ofd([text(25, 30, '通知'), image]));
    expect([mixed.code, mixed.where]).toEqual(['IMPORT_SCANNED_PDF', '第2页']);
    const zip = new JSZip();
    zip.file('OFD.xml', '<ofd:OFD/>');
    zip.file('Doc_0/Pages/Page_0/Content.xml', 'a'.repeat(8 * 1024 * 1024));
    expect((await refusal('bomb.ofd', await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))).code).toBe('IMPORT_ZIP_BOMB');
  });
});
