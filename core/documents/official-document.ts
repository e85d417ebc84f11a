/**
 * The content of an official document (公文) as Duban writes it, independent of the file format.
 * server/documents/official-docx.ts lays it out per GB/T 9704-2012 (党政机关公文格式).
 *
 * Body blocks carry their level explicitly; parseBodyText() turns the text an office clerk types
 * (一、 / （一） / 1. numbered lines) into blocks, so the editable text and the document agree.
 */
export type OfficialBlock =
  | { kind: 'heading1'; text: string } // 一、…   黑体 3号
  | { kind: 'heading2'; text: string } // （一）… 楷体 3号
  | { kind: 'heading3'; text: string } // 1. …    仿宋 3号 (GB/T 9704: third level in 仿宋)
  | { kind: 'paragraph'; text: string } // 仿宋 3号, first line indented two characters
  | { kind: 'table'; caption?: string; columns: { header: string; width: number }[]; rows: string[][] };

export type OfficialDocument = {
  /** 发文机关标志, printed in red at the top, e.g. 新洲区人民政府督查室 (omitted → no 版头). */
  issuerMark?: string;
  /** 发文字号 or issue line under the mark, e.g. 督查通报〔2024〕2号 or 第2期. */
  docNumber?: string;
  title: string;
  /** 主送机关, e.g. 各责任单位： (omitted → none). */
  addressee?: string;
  blocks: OfficialBlock[];
  /** 发文机关署名 and 成文日期 (YYYY-MM-DD) at the end of the body. */
  signature: string;
  date: string;
  /** 版记: 抄送 line and 印发机关 + 印发日期 (omitted → no 版记). */
  copyTo?: string;
  printedBy?: string;
  /** Wide tables (汇总表) go on landscape pages when true. */
  landscapeTables?: boolean;
};
