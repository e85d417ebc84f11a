// The one error the notice parser throws. Pure (no I/O); the server maps `code` to its error
// catalogue and shows `messageZh` to office staff.

export type NoticeParseErrorCode =
  'EMPTY_TEXT' | 'NOT_A_NOTICE' | 'NO_TABLE_COLUMNS' | 'NO_TASKS' | 'TOO_MUCH_TEXT' | 'TOO_MANY_ROWS' | 'TOO_MANY_TASKS';

const MESSAGES: Record<NoticeParseErrorCode, { zh: string; en: string }> = {
  EMPTY_TEXT: { zh: '文件内容为空', en: 'The notice text is empty' },
  NOT_A_NOTICE: {
    // Not a gate on the letterhead: this is said only when no layout found a single task.
    zh: '未识别为责任分解通知：没有读出任何任务。请确认文件中有任务及其牵头单位或责任单位（表格，或“牵头单位：…”等标注），或在台账中手工新增、粘贴导入任务',
    en: 'Not a responsibility-breakdown notice: no task was read. Check that the file lists tasks with their lead or responsible units (a table, or labels such as 牵头单位：…), or add or paste the tasks in the ledger by hand',
  },
  NO_TABLE_COLUMNS: {
    zh: '找到了表格，但无法识别表头列（序号、工作标准、责任单位等）',
    en: 'A table was found but its header columns (序号, 工作标准, 责任单位 …) were not recognised',
  },
  NO_TASKS: {
    zh: '找到了表头，但没有解析出任何任务',
    en: 'A table header was found but no task rows could be read',
  },
  // The hard bounds of limits.ts: the detail says how many there were.
  TOO_MUCH_TEXT: {
    zh: '文件文字量超出一份通知的合理范围，未读取。请确认上传的是责任分解通知本身（而不是数据导出或合并的多份文件），或把附件拆成几个文件分别导入',
    en: 'The file holds far more text than a notice: not read. Check that it is the notice itself, or import its annexes as separate files',
  },
  TOO_MANY_ROWS: {
    zh: '文件行数超出一份通知的合理范围，未读取。请确认上传的是责任分解通知本身（而不是数据导出或合并的多份文件），或把附件拆成几个文件分别导入',
    en: 'The file has far more lines than a notice: not read. Check that it is the notice itself, or import its annexes as separate files',
  },
  TOO_MANY_TASKS: {
    zh: '读出的任务数超出一份通知的合理范围，未导入。请确认上传的是责任分解通知本身，或把附件拆成几个文件分别导入',
    en: 'Far more tasks than a notice holds: not imported. Check that the file is the notice itself, or import its annexes as separate files',
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

  constructor(code: NoticeParseErrorCode, location: NoticeErrorLocation, detail?: string, detailZh?: { zh: string }) {
    const m = MESSAGES[code];
    const suffix = detail ? ` (${detail})` : '';
    super(`${m.en}${suffix} [line ${location.line}]`);
    this.name = 'NoticeParseError';
    this.code = code;
    this.messageZh = `${m.zh}${detailZh ? `（${detailZh.zh}）` : ''}（第${location.line}行）`;
    this.messageEn = `${m.en}${suffix}, at line ${location.line}`;
    this.location = location;
  }

  toJSON(): { code: string; messageZh: string; messageEn: string; location: NoticeErrorLocation } {
    return { code: this.code, messageZh: this.messageZh, messageEn: this.messageEn, location: this.location };
  }
}
