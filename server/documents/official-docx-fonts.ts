import type JSZip from 'jszip';

/**
 * The fonts an official document names, and how a reader without them should substitute.
 *
 * GB/T 9704 names fonts (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 黑体) that many machines lack: a
 * stock Windows has 仿宋/楷体/黑体/宋体 but not the _GB2312 or 方正 faces, and Linux has none of them.
 * Word then substitutes using the font table's alternate name, charset and family; LibreOffice uses
 * the family class (roman → a serif, swiss → a sans, which fontconfig resolves to Noto Serif/Sans CJK
 * SC on Linux). The docx package writes an empty font table unless fonts are embedded, so
 * declareFontFallbacks() fills it in after packing.
 */
export const FONT = {
  /** 小标宋: title and issuer mark. */
  xbs: '方正小标宋简体',
  fangsong: '仿宋_GB2312',
  kaiti: '楷体_GB2312',
  heiti: '黑体',
  songti: '宋体',
  latin: 'Times New Roman',
  songLatin: 'SimSun',
} as const;

type FontDeclaration = {
  name: string;
  altName?: string;
  family: 'roman' | 'swiss';
  charset: string;
  pitch: 'variable' | 'fixed';
};

// charset 86 is GB2312 (Windows' GB2312_CHARSET, 0x86); 00 is ANSI.
const DECLARATIONS: FontDeclaration[] = [
  { name: FONT.xbs, altName: 'SimSun', family: 'roman', charset: '86', pitch: 'variable' },
  { name: FONT.fangsong, altName: 'FangSong', family: 'roman', charset: '86', pitch: 'fixed' },
  { name: FONT.kaiti, altName: 'KaiTi', family: 'roman', charset: '86', pitch: 'fixed' },
  { name: FONT.heiti, altName: 'SimHei', family: 'swiss', charset: '86', pitch: 'fixed' },
  { name: FONT.songti, altName: 'SimSun', family: 'roman', charset: '86', pitch: 'fixed' },
  { name: FONT.songLatin, altName: '宋体', family: 'roman', charset: '86', pitch: 'fixed' },
  { name: FONT.latin, family: 'roman', charset: '00', pitch: 'variable' },
];

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function fontXml(f: FontDeclaration): string {
  return (
    `<w:font w:name="${escapeXml(f.name)}">` +
    (f.altName ? `<w:altName w:val="${escapeXml(f.altName)}"/>` : '') +
    `<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/>` +
    `</w:font>`
  );
}

/** Adds a declaration for each font above that word/fontTable.xml does not already declare. */
export async function declareFontFallbacks(zip: JSZip): Promise<void> {
  const part = zip.file('word/fontTable.xml');
  if (!part) throw new Error('word/fontTable.xml is missing from the generated document');
  let xml = await part.async('string');
  const missing = DECLARATIONS.filter((f) => !xml.includes(`w:name="${escapeXml(f.name)}"`));
  if (missing.length === 0) return;
  const entries = missing.map(fontXml).join('');
  // The docx package writes the empty table as a self-closing root element.
  if (/<w:fonts\b[^>]*\/>/.test(xml)) xml = xml.replace(/<w:fonts\b([^>]*)\/>/, `<w:fonts$1>${entries}</w:fonts>`);
  else xml = xml.replace('</w:fonts>', `${entries}</w:fonts>`);
  zip.file('word/fontTable.xml', xml);
}
