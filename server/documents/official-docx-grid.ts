import type JSZip from 'jszip';

/**
 * Takes paragraphs off the document's character grid.
 *
 * The section's grid (w:docGrid linesAndChars: 22 lines of 28 cells) is what Word shows as the
 * page setup and uses for text a clerk adds later. The writer's own text does not rely on it:
 * LibreOffice gives every character wider than a cell two cells (a 16 pt character in a 15.8 pt
 * cell, so 14 characters a line), and a 22 pt title or 14 pt table text would be spread too. Runs
 * therefore carry w:snapToGrid="0" (Word reads that), lines have exact spacing, and the body is
 * condensed to 28 characters a line (BODY_TIGHTEN). LibreOffice only reads the paragraph's
 * w:snapToGrid, which the docx package cannot write: it is added here to each paragraph whose runs
 * all opt out (and to empty ones).
 */
const RUN_OPT_OUT = /<w:snapToGrid w:val="(?:false|0)"\/>/g;

export async function unsnapOffGridParagraphs(zip: JSZip): Promise<void> {
  const part = zip.file('word/document.xml');
  if (!part) throw new Error('word/document.xml is missing from the generated document');
  const xml = await part.async('string');
  // `<w:p\b` does not match <w:pPr> (no word boundary between p and P); paragraphs do not nest here.
  const out = xml.replace(/<w:p\b[^>]*>[\s\S]*?<\/w:p>/g, (p) => {
    const runs = p.match(/<w:r>/g)?.length ?? 0;
    const optOut = p.match(RUN_OPT_OUT)?.length ?? 0;
    // Empty paragraphs (blank lines) opt out too: LibreOffice would otherwise round each one up to
    // the next grid line after an off-grid paragraph, and the page would lose lines.
    if (optOut < runs || !p.includes('<w:pPr>')) return p;
    // CT_PPrBase order puts snapToGrid just before spacing (Word rejects misordered properties).
    const pPrEnd = p.indexOf('</w:pPr>');
    const spacing = p.indexOf('<w:spacing');
    const at = spacing >= 0 && spacing < pPrEnd ? spacing : -1;
    if (at < 0) return p;
    return `${p.slice(0, at)}<w:snapToGrid w:val="0"/>${p.slice(at)}`;
  });
  zip.file('word/document.xml', out);
}
