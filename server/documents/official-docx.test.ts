import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderOfficialDocx } from './official-docx';
import { sampleBulletin } from './sample-document';

/**
 * The Word file itself: unzipped, its XML checked against GB/T 9704-2012's numbers (page, margins,
 * grid, fonts and sizes, footers, font fallbacks). How it looks is checked through LibreOffice in
 * official-docx.libreoffice.test.ts.
 */
type Docx = { part: (name: string) => Promise<string> };

async function open(buf: Buffer): Promise<Docx> {
  const zip = await JSZip.loadAsync(buf);
  return {
    part: async (name) => {
      const f = zip.file(name);
      if (!f) throw new Error(`${name} missing`);
      return f.async('string');
    },
  };
}

const attrs = (tag: string): Record<string, string> =>
  Object.fromEntries([...tag.matchAll(/w:(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
const firstTag = (xml: string, name: string) => {
  const m = new RegExp(`<w:${name}\\b[^>]*/?>`).exec(xml);
  if (!m) throw new Error(`no <w:${name}>`);
  return attrs(m[0]);
};
/** The <w:r> run whose text starts with `text`. */
function runWith(xml: string, text: string): string {
  const at = xml.indexOf(`>${text}`);
  if (at < 0) throw new Error(`no run with ${text}`);
  const start = xml.lastIndexOf('<w:r>', at);
  return xml.slice(start, xml.indexOf('</w:r>', at) + 6);
}
/** The <w:p> paragraph that holds `text`. */
function paragraphWith(xml: string, text: string): string {
  const at = xml.indexOf(`>${text}`);
  if (at < 0) throw new Error(`no paragraph with ${text}`);
  const start = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at));
  return xml.slice(start, xml.indexOf('</w:p>', at) + 6);
}
const mmTwips = (mm: number) => mm * 56.693;

describe('renderOfficialDocx: the Word file', () => {
  let docx: Docx;
  let body: string;
  beforeAll(async () => {
    docx = await open(await renderOfficialDocx(sampleBulletin()));
    body = await docx.part('word/document.xml');
  });

  it('is A4 portrait with GB/T 9704 margins and a 22-line grid', () => {
    const size = firstTag(body, 'pgSz');
    expect(size).toMatchObject({ w: '11906', h: '16838' });
    const margin = firstTag(body, 'pgMar');
    expect(Math.abs(Number(margin.top) - mmTwips(37))).toBeLessThanOrEqual(2);
    expect(Math.abs(Number(margin.left) - mmTwips(28))).toBeLessThanOrEqual(2);
    expect(Math.abs(Number(margin.right) - mmTwips(26))).toBeLessThanOrEqual(2);
    expect(Math.abs(Number(margin.bottom) - mmTwips(35))).toBeLessThanOrEqual(2);
    // The type area is 156 mm × 225 mm.
    expect(Math.abs(11906 - Number(margin.left) - Number(margin.right) - mmTwips(156))).toBeLessThanOrEqual(3);
    expect(Math.abs(16838 - Number(margin.top) - Number(margin.bottom) - mmTwips(225))).toBeLessThanOrEqual(3);

    const grid = firstTag(body, 'docGrid');
    expect(grid.type).toBe('linesAndChars');
    expect(Number(grid.linePitch)).toBe(579); // 225 mm / 22 lines, rounded down
    // 28 characters of 16 pt fill 156 mm: pitch = 16 pt + charSpace/4096 pt ≈ 15.8 pt.
    expect(28 * (16 + Number(grid.charSpace) / 4096) * 20).toBeCloseTo(mmTwips(156), -1);
  });

  it('sets the body in 3号 仿宋_GB2312 on exact 22-line spacing, first line indented two characters', () => {
    const p = paragraphWith(body, '为贯彻落实');
    expect(p).toMatch(/<w:spacing [^>]*w:line="579"[^>]*w:lineRule="exact"/);
    expect(p).toMatch(/<w:ind [^>]*w:firstLineChars="200"/);
    expect(p).toContain('<w:jc w:val="both"/>');
    const r = runWith(body, '为贯彻落实');
    expect(r).toContain('w:eastAsia="仿宋_GB2312"');
    expect(r).toContain('w:ascii="Times New Roman"');
    expect(r).toContain('<w:sz w:val="32"/>');
  });

  it('sets the title in 2号 方正小标宋简体, centred, broken where the sense allows', () => {
    const r = runWith(body, '关于2024年第二季度区政府工作报告');
    expect(r).toContain('w:eastAsia="方正小标宋简体"');
    expect(r).toContain('<w:sz w:val="44"/>');
    expect(paragraphWith(body, '关于2024年第二季度区政府工作报告')).toContain('<w:jc w:val="center"/>');
    expect(runWith(body, '目标任务推进情况的通报')).toContain('<w:br/>');
  });

  it('sets headings in 黑体, 楷体_GB2312 and 仿宋 (GB/T 9704 7.3.3), each in 3号', () => {
    const h1 = runWith(body, '一、总体情况');
    expect(h1).toContain('w:eastAsia="黑体"');
    expect(h1).toContain('<w:sz w:val="32"/>');
    // A run-in heading2: the heading sentence in 楷体, the paragraph after it in 仿宋.
    expect(runWith(body, '（一）经济运行稳中向好。')).toContain('w:eastAsia="楷体_GB2312"');
    expect(runWith(body, '上半年全区地区生产总值')).toContain('w:eastAsia="仿宋_GB2312"');
    const h3 = runWith(body, '1.部分项目前期工作滞后。');
    expect(h3).toContain('w:eastAsia="仿宋_GB2312"');
    expect(h3).not.toContain('<w:b/>');
  });

  it('prints the 版头: red issuer mark, document number, red rule', () => {
    const mark = runWith(body, '新洲区人民政府督查室');
    expect(mark).toContain('<w:color w:val="FF0000"/>');
    expect(mark).toContain('w:eastAsia="方正小标宋简体"');
    expect(Number(/<w:sz w:val="(\d+)"/.exec(mark)![1]) / 2).toBeGreaterThanOrEqual(30);
    const number = paragraphWith(body, '督查通报〔2024〕第2期');
    expect(number).toContain('<w:jc w:val="center"/>');
    expect(number).toMatch(/<w:bottom [^>]*w:color="FF0000"[^>]*w:sz="18"/);
  });

  it('ends with the signature over the date, the date 右空四字, then the 版记', () => {
    const date = paragraphWith(body, '2024年7月5日');
    expect(date).toContain('<w:jc w:val="right"/>');
    const right = Number(/<w:ind [^>]*w:right="(\d+)"/.exec(date)![1]);
    expect(right / (mmTwips(156) / 28)).toBeCloseTo(4, 0);
    const paragraphs = body.split('</w:p>');
    const dateIndex = paragraphs.findIndex((p) => p.includes('>2024年7月5日<'));
    expect(paragraphs[dateIndex - 1]).toContain('>新洲区人民政府督查室<');
    expect(body).toContain('抄送：区委办公室');
    expect(paragraphWith(body, '2024年7月5日印发')).toContain('<w:tab ');
  });

  it('numbers pages — n — on the outer edge: odd right, even left', async () => {
    const settings = await docx.part('word/settings.xml');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const rels = await docx.part('word/_rels/document.xml.rels');
    const footerFor = async (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"`).exec(body)![1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
      return docx.part(`word/${target[1] ?? target[2]}`);
    };
    for (const [type, jc] of [
      ['default', 'right'],
      ['even', 'left'],
    ] as const) {
      const footer = await footerFor(type);
      expect(footer).toContain(`<w:jc w:val="${jc}"/>`);
      expect(footer).toMatch(/>— <\/w:t>[\s\S]*<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*> —<\/w:t>/);
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
  });

  it('declares fallbacks for the official fonts in the font table', async () => {
    const fonts = await docx.part('word/fontTable.xml');
    for (const [name, alt, family] of [
      ['方正小标宋简体', 'SimSun', 'roman'],
      ['仿宋_GB2312', 'FangSong', 'roman'],
      ['楷体_GB2312', 'KaiTi', 'roman'],
      ['黑体', 'SimHei', 'swiss'],
    ]) {
      const entry = new RegExp(`<w:font w:name="${name}">([\\s\\S]*?)</w:font>`).exec(fonts)?.[1];
      expect(entry, name).toBeDefined();
      expect(entry).toContain(`<w:altName w:val="${alt}"/>`);
      expect(entry).toContain('<w:charset w:val="86"/>');
      expect(entry).toContain(`<w:family w:val="${family}"/>`);
    }
  });

  it('records the title and Duban as author', async () => {
    const core = await docx.part('docProps/core.xml');
    expect(core).toContain('<dc:title>关于2024年第二季度区政府工作报告目标任务推进情况的通报</dc:title>');
    expect(core).toContain('<dc:creator>Duban 督办</dc:creator>');
  });

  it('puts each table on a landscape page of its own when asked, and comes back to portrait', async () => {
    const xml = await (
      await open(await renderOfficialDocx(sampleBulletin({ landscapeTables: true })))
    ).part('word/document.xml');
    const sizes = [...xml.matchAll(/<w:pgSz\b[^>]*\/>/g)].map((m) => attrs(m[0]));
    expect(sizes).toEqual([
      { w: '11906', h: '16838', orient: 'portrait' },
      { w: '16838', h: '11906', orient: 'landscape' },
      { w: '11906', h: '16838', orient: 'portrait' },
    ]);
    // Page numbers continue: no section restarts them.
    expect(xml).not.toMatch(/<w:pgNumType [^>]*w:start=/);
    const table = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
    expect(table).toContain('<w:tblHeader/>');
    expect(runWith(table, '序号')).toContain('<w:b/>');
  });

  it('leaves out the 版头 and 版记 when the document has none', async () => {
    const xml = await (
      await open(
        await renderOfficialDocx(sampleBulletin({ issuerMark: undefined, copyTo: undefined, printedBy: undefined })),
      )
    ).part('word/document.xml');
    expect(xml).not.toContain('FF0000');
    expect(xml).not.toContain('抄送');
    expect(xml).not.toContain('印发');
  });
});
