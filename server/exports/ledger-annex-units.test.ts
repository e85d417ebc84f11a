import { describe, expect, it } from 'vitest';
import { parseNoticeRows } from '../../core/notice';
import { readNoticeFile } from '../import/readers/read-notice-file';
import type { AnnexLedger, AnnexTask } from './ledger-annex-data';
import { annexSheetModel, renderLedgerAnnexWorkbook, SUPERVISION_HEADERS } from './ledger-annex-xlsx';

// No database: a ledger built in memory, for the layouts the seed notice does not need.
describe('an annex the notice’s single 责任单位 column cannot express', () => {
  const task = (seq: string, standard: string, units: AnnexTask['units']): AnnexTask => ({
    id: Number(seq),
    seq,
    category: null,
    upstreamNo: null,
    upstreamItem: null,
    standard,
    deadline: '6月',
    dueDate: '2024-06-30',
    dueDateSource: 'printed',
    leaders: ['张三'],
    units,
    latest: null,
    light: null,
    indicators: [],
  });
  const ledger: AnnexLedger = {
    notice: { id: 7, orgId: 1, docNumber: '测政办〔2024〕3号', title: '关于印发2024年重点工作任务分解表的通知', issuer: null, issuedDate: null, reportTo: null, reportingDeadlines: [] },
    orgName: '测试区',
    annexes: [
      {
        no: 1,
        title: '2024年重点工作任务分解表',
        kind: 'other',
        tasks: [
          task('1', '推进甲项目建设。', [
            { name: '区甲局', role: 'lead', note: null },
            { name: '区乙局', role: 'lead', note: null },
            { name: '区丙局', role: 'co', note: '丙中心' },
          ]),
          task('2', '完成乙工程。', [
            { name: '区甲局', role: 'lead', note: null },
            { name: '区丁局', role: 'co', note: null },
          ]),
        ],
      },
    ],
  };

  it('uses 牵头单位 and 配合单位 columns when a task has two lead units, and reads them back by role', async () => {
    const model = annexSheetModel(ledger.annexes[0]!, ledger.orgName);
    expect(model.rows[2]).toEqual({ kind: 'header', cells: ['序号', '工作标准', '完成时限', '分管区领导', '牵头单位', '配合单位', ...SUPERVISION_HEADERS] });
    const file = await readNoticeFile('x.xlsx', await renderLedgerAnnexWorkbook(ledger, '2024-06-25'));
    const parsed = parseNoticeRows(file.rows);
    expect(parsed.document.docNumber).toBe('测政办〔2024〕3号');
    expect(parsed.annexes.map((a) => [a.no, a.kind, a.title])).toEqual([[1, 'other', '2024年重点工作任务分解表']]);
    expect(parsed.annexes[0]!.tasks.map((t) => [t.seq, t.standard, t.deadline, t.dueDate, t.leaders, t.unitRefs.map((u) => `${u.name}:${u.role}:${u.note ?? ''}`)])).toEqual([
      ['1', '推进甲项目建设。', '6月', '2024-06-30', ['张三'], ['区甲局:lead:', '区乙局:lead:', '区丙局:co:丙中心']],
      ['2', '完成乙工程。', '6月', '2024-06-30', ['张三'], ['区甲局:lead:', '区丁局:co:']],
    ]);
  });
});
