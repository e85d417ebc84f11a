// How the reading page lays out a bulletin's body: the very reading of the numbering that the Word
// export uses (core/documents/body-text.ts), so the screen and the document agree on headings.
import { parseBodyText } from '../../../core/documents/body-text';

export type BodyKind = 'heading1' | 'heading2' | 'heading3' | 'paragraph';

/** One block per non-blank line, as the Word export reads the text. */
export function bodyBlocks(text: string): { kind: BodyKind; text: string }[] {
  return parseBodyText(text).flatMap((b) => (b.kind === 'table' ? [] : [{ kind: b.kind, text: b.text }]));
}
