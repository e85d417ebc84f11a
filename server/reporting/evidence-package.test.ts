import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { inspectOfficeEvidence } from './evidence-package';
import { cleanDocx, cleanXlsx, legacyDocClean, legacyDocWithMacros, packagedObject, peImage, withParts } from './evidence-fixtures';

/** The refusal's code and whole Chinese message, or null when the file passes. */
async function verdict(fileName: string, content: Buffer): Promise<{ code: string; zh: string } | null> {
  try {
    await inspectOfficeEvidence(fileName, content);
    return null;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { code: e.code, zh: e.detail?.zh ?? '' };
  }
}

describe('what an Office evidence file may carry', () => {
  it('passes real documents and workbooks, with pictures in them', async () => {
    expect(await verdict('报告.docx', await cleanDocx())).toBeNull();
    expect(await verdict('台账.xlsx', await cleanXlsx())).toBeNull();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(256, 7)]);
    expect(await verdict('现场.docx', await withParts(await cleanDocx(), { 'word/media/image1.png': png }))).toBeNull();
    expect(await verdict('旧版.doc', legacyDocClean())).toBeNull();
  });

  it('refuses a program or a script hidden as a part, naming the file and the part', async () => {
    const exe = await withParts(await cleanDocx(), { 'word/embeddings/setup.exe': peImage() });
    expect(await verdict('报告.docx', exe)).toEqual({
      code: 'EVIDENCE_UNSAFE_CONTENT',
      zh: '“报告.docx”内含可执行文件 word/embeddings/setup.exe，不能作为佐证材料上传。请另存为不含嵌入对象的文档后重新上传',
    });
    const script = await withParts(await cleanXlsx(), { 'xl/media/run.ps1': 'Invoke-WebRequest http://x' });
    expect((await verdict('台账.xlsx', script))?.zh).toBe('“台账.xlsx”内含脚本文件 xl/media/run.ps1，不能作为佐证材料上传。请另存为不含嵌入对象的文档后重新上传');
  });

  it('refuses the probe’s file: a bare zip holding an .exe and a .js, named .docx (issue 17, finding 9)', async () => {
    const zip = new JSZip();
    zip.file('setup.exe', peImage());
    zip.file('run.js', 'require("child_process").exec("calc")');
    const bare = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect((await verdict('报告.docx', bare))?.code).toBe('EVIDENCE_UNSAFE_CONTENT');
  });

  it('refuses a program under an innocent name, read from its first bytes', async () => {
    const disguised = await withParts(await cleanDocx(), { 'word/media/image2.png': peImage() });
    expect((await verdict('报告.docx', disguised))?.zh).toContain('内含可执行文件 word/media/image2.png（内容为Windows 可执行程序）');
    const elf = await withParts(await cleanDocx(), { 'word/media/image3.bin': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]) });
    expect((await verdict('报告.docx', elf))?.zh).toContain('Linux 可执行程序');
  });

  it('refuses a packaged program inside an embedded OLE object, naming it', async () => {
    const ole = await withParts(await cleanDocx(), { 'word/embeddings/oleObject1.bin': packagedObject('setup.exe', peImage()) });
    expect((await verdict('报告.docx', ole))?.zh).toBe(
      '“报告.docx”的嵌入对象 word/embeddings/oleObject1.bin 中包含可执行文件 setup.exe，不能作为佐证材料上传。请另存为不含嵌入对象的文档后重新上传',
    );
    // A packaged picture is fine: only programs and scripts are refused.
    const picture = await withParts(await cleanDocx(), { 'word/embeddings/oleObject1.bin': packagedObject('photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0])) });
    expect(await verdict('报告.docx', picture)).toBeNull();
  });

  it('checks an Office package embedded in another one', async () => {
    const inner = await withParts(await cleanXlsx(), { 'xl/embeddings/tool.vbs': 'MsgBox 1' });
    const outer = await withParts(await cleanDocx(), { 'word/embeddings/Microsoft_Excel_Worksheet.xlsx': inner });
    expect((await verdict('报告.docx', outer))?.zh).toContain('内含脚本文件 word/embeddings/Microsoft_Excel_Worksheet.xlsx!xl/embeddings/tool.vbs');
  });

  it('refuses macros: a VBA project, a macro-enabled type under a .docx name, Excel 4.0 macro sheets, a legacy .doc with VBA', async () => {
    const vba = await withParts(await cleanDocx(), { 'word/vbaProject.bin': Buffer.alloc(64, 1) });
    expect((await verdict('报告.docx', vba))?.zh).toBe('“报告.docx”含有宏（word/vbaProject.bin），不能作为佐证材料上传。请另存为不含宏的 .docx/.xlsx/.pptx 文档后重新上传');
    const docm = await withParts(await cleanDocx(), {}, (xml) => xml.replace('wordprocessingml.document.main+xml', 'ms-word.document.macroEnabled.main+xml'));
    expect((await verdict('报告.docx', docm))?.zh).toContain('含有宏（[Content_Types].xml）');
    const xlm = await withParts(await cleanXlsx(), { 'xl/macrosheets/sheet1.xml': '<xm:macrosheet/>' });
    expect((await verdict('台账.xlsx', xlm))?.code).toBe('EVIDENCE_UNSAFE_CONTENT');
    expect((await verdict('旧版.doc', legacyDocWithMacros()))?.zh).toBe('“旧版.doc”含有宏（VBA 宏工程），不能作为佐证材料上传。请另存为不含宏的 .docx/.xlsx/.pptx 文档后重新上传');
  });

  it('refuses a zip bomb before inflating it, and a damaged package', async () => {
    const bomb = await withParts(await cleanDocx(), { 'word/media/big.bin': Buffer.alloc(16 * 1024 * 1024, 0) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const refused = await verdict('报告.docx', bomb);
    expect(refused?.code).toBe('IMPORT_ZIP_BOMB');
    expect(refused?.zh).toMatch(/^“报告\.docx”解压后体积异常（part word\/media\/big\.bin expands \d+×），可能是恶意构造的文件，不能作为佐证材料上传$/);
    const damaged = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 9)]);
    expect((await verdict('报告.docx', damaged))?.code).toBe('IMPORT_FILE_CORRUPT');
  });

  it('stops inflating an embedded object at its cap, also when the package understates its size', async () => {
    const ole = (n: number) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(n, 0x41)]);
    const tooLarge = '的嵌入对象 word/embeddings/oleObject9.bin 解压后超过 32 MB，无法检查其内容';
    // The zip guard trusts no ratio above 100:1, so a big embedded object that compresses that well
    // is refused as a bomb; one that claims a small size is read only as far as the cap.
    const zip = await JSZip.loadAsync(await cleanDocx());
    zip.file('word/embeddings/oleObject9.bin', ole(40 * 1024 * 1024));
    const packed = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const lying = Buffer.from(packed);
    const name = Buffer.from('word/embeddings/oleObject9.bin');
    for (const [sig, sizeAt] of [[0x04034b50, 22], [0x02014b50, 24]] as const) {
      for (let i = lying.indexOf(name); i >= 0; i = lying.indexOf(name, i + 1)) {
        const start = i - (sig === 0x04034b50 ? 30 : 46);
        if (start >= 0 && lying.readUInt32LE(start) === sig) lying.writeUInt32LE(64 * 1024, start + sizeAt);
      }
    }
    expect((await verdict('报告.docx', packed))?.code).toBe('IMPORT_ZIP_BOMB');
    expect((await verdict('报告.docx', lying))?.zh).toContain(tooLarge);
  });
});
