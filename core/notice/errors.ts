// The one error the notice parser throws. Pure (no I/O); the server maps `code` to its error
// catalogue and shows `messageZh` to office staff.

export type NoticeParseErrorCode = 'EMPTY_TEXT' | 'NOT_A_NOTICE' | 'NO_TABLE_COLUMNS' | 'NO_TASKS';

const MESSAGES: Record<NoticeParseErrorCode, { zh: string; en: string }> = {
  EMPTY_TEXT: { zh: '文件内容为空', en: 'The notice text is empty' },
  NOT_A_NOTICE: {
    zh: '未识别为责任分解通知：找不到文号、标题或任务表',
    en: 'Not a responsibility-breakdown notice: no document number, title or task table found',
  },
  NO_TABLE_COLUMNS: {
    zh: '找到了表格，但无法识别表头列（序号、工作标准、责任单位等）',
    en: 'A table was found but its header columns (序号, 工作标准, 责任单位 …) were not recognised',
  },
  NO_TASKS: {
    zh: '找到了表头，但没有解析出任何任务',
    en: 'A table header was found but no task rows could be read',
  },
};

export interface NoticeErrorLocation {
  line: number;
  text?: string;
}

export class NoticeParseError extends Error {
  readonly code: NoticeParseErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly location: NoticeErrorLocation;

  constructor(code: NoticeParseErrorCode, location: NoticeErrorLocation, detail?: string) {
    const m = MESSAGES[code];
    const suffix = detail ? ` (${detail})` : '';
    super(`${m.en}${suffix} [line ${location.line}]`);
    this.name = 'NoticeParseError';
    this.code = code;
    this.messageZh = `${m.zh}（第${location.line}行）`;
    this.messageEn = `${m.en}${suffix}, at line ${location.line}`;
    this.location = location;
  }

  toJSON(): { code: string; messageZh: string; messageEn: string; location: NoticeErrorLocation } {
    return { code: this.code, messageZh: this.messageZh, messageEn: this.messageEn, location: this.location };
  }
}
