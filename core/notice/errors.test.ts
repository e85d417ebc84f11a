import { describe, expect, it } from 'vitest';
import { NoticeParseError, cleanCell, columnRole, parseNoticeText, readHeader, textToRows } from './index';

function codeOf(text: string): unknown {
  try {
    parseNoticeText(text);
    return 'parsed';
  } catch (e) {
    return e instanceof NoticeParseError ? e.toJSON() : e;
  }
}

describe('NoticeParseError', () => {
  it('EMPTY_TEXT for empty or blank text', () => {
    expect(codeOf('')).toMatchObject({ code: 'EMPTY_TEXT', location: { line: 1 } });
    expect(codeOf(' \n\t\n')).toMatchObject({ code: 'EMPTY_TEXT' });
  });

  it('NOT_A_NOTICE for prose, with Chinese and English messages', () => {
    const e = codeOf('今天天气很好。\n我们去公园散步。\n');
    expect(e).toMatchObject({ code: 'NOT_A_NOTICE', location: { line: 1 } });
    expect((e as { messageZh: string }).messageZh).toContain('未识别为责任分解通知');
    expect((e as { messageEn: string }).messageEn).toContain('Not a responsibility-breakdown notice');
  });

  it('NO_TABLE_COLUMNS for a table whose header is not recognised, located at its first row', () => {
    expect(codeOf('标题\n\na\tb\tc\n1\t2\t3\n4\t5\t6\n')).toMatchObject({
      code: 'NO_TABLE_COLUMNS',
      location: { line: 3, text: 'a | b | c' },
    });
  });

  it('NO_TASKS for a header without rows', () => {
    expect(codeOf('某某通知\n序号\t工作标准\t责任单位\n')).toMatchObject({ code: 'NO_TASKS', location: { line: 2 } });
  });

  it('is an Error with a stable name', () => {
    const e = new NoticeParseError('NOT_A_NOTICE', { line: 7 });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('NoticeParseError');
    expect(e.messageZh).toContain('第7行');
  });
});

describe('rows and headers', () => {
  it('splits text into rows with source line numbers, skipping blank lines', () => {
    expect(textToRows('\uFEFFa\n\nb\tc\r\nd')).toEqual([
      { line: 1, cells: ['a'] },
      { line: 3, cells: ['b', 'c'] },
      { line: 4, cells: ['d'] },
    ]);
  });

  it('recognises header wordings of every page', () => {
    for (const h of ['分管 区领导', '分管领导', '分区领导']) expect(columnRole(h)).toBe('leaders');
    expect(columnRole('目标名称')).toBe('category');
    expect(columnRole('新洲区目标任务')).toBe('standard');
    expect(columnRole('省级下达的责任事项')).toBe('upstream');
    expect(columnRole('完成时间')).toBe('deadline');
    expect(columnRole('責任單位')).toBe('units');
    expect(readHeader({ line: 1, cells: ['序号', '目标名称', '工作标准', '分管 区领导', '责任单位'] })?.roles).toEqual([
      'seq',
      'category',
      'standard',
      'leaders',
      'units',
    ]);
    expect(
      readHeader({ line: 1, cells: ['1', '地区生产总值增长6%左右，确保完成全年目标任务。', '李先勇', '区发改局'] }),
    ).toBeNull();
  });
});

describe('text normalisation', () => {
  it('removes spaces next to CJK (line wraps, auto-spacing) and keeps Latin/number spacing', () => {
    expect(cleanCell('全年主要 预期目标')).toBe('全年主要预期目标');
    expect(cleanCell('地区生产总值增长 6%左右。')).toBe('地区生产总值增长6%左右。');
    expect(cleanCell('推动 GEP 向 GDP 转化')).toBe('推动GEP向GDP转化');
    expect(cleanCell('延长至 23:30 24:00')).toBe('延长至23:30 24:00');
    expect(cleanCell('<p>1.新增学位</p> <p>2.建成</p>')).toBe('1.新增学位2.建成');
  });
});
