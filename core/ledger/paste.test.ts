import { describe, expect, it } from 'vitest';
import { EMPTY_PASTE_MEMORY, mappingProblems, parsePastedText, proposeMapping, rememberMapping, rowsToDrafts } from './paste';
import { nextSeq } from './task-draft';

// As Excel for Windows puts a range on the clipboard: tabs, CRLF, a cell with a line break quoted
// (its own quotes doubled), a trailing line end.
const EXCEL =
  '序号\t类别\t任务内容\t牵头领导\t牵头单位\t配合单位\t完成时限\r\n' +
  '1\t交通\t新建充电桩500个\t丁力\t区交通运输局\t区发改局、区财政局\t6月底前\r\n' +
  '2\t交通\t"改造老旧小区12个，\r\n完成""三线""整治"\t张波\t区住房和城乡建设局\t\t2024年9月30日\r\n';

describe('pasted rows from Excel or WPS', () => {
  it('splits tabs and line ends, and reads a quoted cell with a line break and doubled quotes', () => {
    const rows = parsePastedText(EXCEL);
    expect(rows).toHaveLength(3);
    expect(rows[2]![2]).toBe('改造老旧小区12个，\n完成"三线"整治');
    expect(rows[2]![5]).toBe('');
    expect(rows[1]).toEqual(['1', '交通', '新建充电桩500个', '丁力', '区交通运输局', '区发改局、区财政局', '6月底前']);
  });

  it('keeps a cell that only starts with a quote as typed, pads short rows and drops blank ones', () => {
    const rows = parsePastedText('"甲"乙\t丙\n\n丁\n\n');
    expect(rows).toEqual([
      ['"甲"乙', '丙'],
      ['丁', ''],
    ]);
  });

  it('reads LF-only text (WPS on Linux, macOS) and a last row without a line end', () => {
    expect(parsePastedText('a\t"b\nc"\nd\te')).toEqual([
      ['a', 'b\nc'],
      ['d', 'e'],
    ]);
  });

  it('proposes the mapping from the header row', () => {
    const rows = parsePastedText(EXCEL);
    const m = proposeMapping(rows);
    expect(m).toEqual({ header: true, fields: ['seq', 'category', 'standard', 'leaders', 'leadUnits', 'coUnits', 'deadline'] });
    expect(mappingProblems(m)).toEqual([]);
    expect(proposeMapping(parsePastedText('工作标准\t责任单位\t主要指标\n x\t y\t z')).fields).toEqual(['standard', 'units', 'indicators']);
  });

  it('remembers a choice by header text, and by column for rows without a header', () => {
    const rows = parsePastedText('事项\t单位\t备注\n建成公园2个\t区园林局\t无');
    const memory = rememberMapping(EMPTY_PASTE_MEMORY, rows[0]!, ['standard', 'leadUnits', 'ignore']);
    expect(proposeMapping(rows, memory).fields).toEqual(['standard', 'leadUnits', 'ignore']);
    const bare = parsePastedText('区园林局\t建成公园2个');
    expect(proposeMapping(bare).fields).toEqual(['ignore', 'standard']);
    const byColumn = rememberMapping(memory, null, ['leadUnits', 'standard']);
    expect(proposeMapping(bare, byColumn).fields).toEqual(['leadUnits', 'standard']);
    expect(byColumn.byHeader).toEqual(memory.byHeader);
  });

  it('turns rows into drafts with errors per cell', () => {
    const text = `${EXCEL}3\t\t\t\t\t\t下个月\r\n4\t\t建成口袋公园\t\t区园林局\t\t长期\r\n`;
    const rows = parsePastedText(text);
    const drafts = rowsToDrafts(rows, proposeMapping(rows), 2024);
    expect(drafts.map((d) => d.row)).toEqual([2, 3, 4, 5]);
    expect(drafts[0]!.draft).toMatchObject({ seq: '1', category: '交通', leaders: ['丁力'], leadUnits: ['区交通运输局'], coUnits: ['区发改局', '区财政局'], deadline: '6月底前' });
    expect(drafts[0]!.errors).toEqual([]);
    expect(drafts[1]!.errors).toEqual([]);
    expect(drafts[2]!.errors.map((e) => [e.field, e.column])).toEqual([
      ['standard', 2],
      ['leadUnits', 4],
      ['deadline', 6],
    ]);
    expect(drafts[3]!.errors).toEqual([]);
  });

  it('splits a 责任单位 column: the first leads, the others co-operate; a bad 指标 cell is an error', () => {
    const rows = parsePastedText('任务内容\t责任单位\t指标\n新建学校3所\t区教育局、区财政局\t新建学校3所\n植树\t区园林局\t很多');
    const [ok, bad] = rowsToDrafts(rows, proposeMapping(rows), 2024);
    expect(ok!.draft.leadUnits).toEqual(['区教育局']);
    expect(ok!.draft.coUnits).toEqual(['区财政局']);
    expect(bad!.errors).toEqual([{ column: 2, field: 'indicators', message: expect.stringContaining('未识别出指标') }]);
  });

  it('says what the mapping lacks', () => {
    expect(mappingProblems({ header: false, fields: ['seq', 'ignore'] })).toHaveLength(2);
  });

  it('numbers the next task in the style of the last one', () => {
    expect(nextSeq(['(1)', '(2)', '(12)'])).toBe('(13)');
    expect(nextSeq(['1', '2'])).toBe('3');
    expect(nextSeq([])).toBe('(1)');
  });
});
