import { defaultReportingDeadlines } from '../../core/api/ledger-build';
import { defaultAnnexTitle } from '../../core/ledger/annex-kinds';
import type { AnnexKind } from '../../core/notice';
import { writeWorkbook } from './annex-sheet';
import { annexSheetModel, coverSheetModel } from './ledger-annex-xlsx';

/**
 * 下载导入模板: an empty ledger workbook in the layout the importer reads — the ledger export's
 * own cover and annex sheet (ledger-annex-xlsx.ts) with no rows and no supervision columns, the
 * annex in the task-numbered style (序号, 工作标准, 完成时限, 分管区领导, 牵头单位, 配合单位).
 * An office fills the rows in Excel or WPS and imports the file like a notice.
 */
export function renderImportTemplate(opts: { orgName: string; year: number; annexKind: AnnexKind; today: string }): Promise<Buffer> {
  // "关于印发…的通知": the importer reads a title by these words (core/notice/document.ts).
  const title = `关于印发${opts.orgName}${opts.year}年目标任务责任分解表的通知`;
  const annex = { no: 1, title: defaultAnnexTitle(opts.year, opts.annexKind), kind: opts.annexKind, tasks: [] };
  const cover = coverSheetModel(
    {
      notice: { id: 0, orgId: 0, docNumber: null, title, issuer: opts.orgName, issuedDate: opts.today, reportTo: null, reportingDeadlines: defaultReportingDeadlines(opts.year) },
      orgName: opts.orgName,
      annexes: [annex],
    },
    opts.today,
  );
  // The export's note speaks of supervision columns this file does not have: say how to fill it instead.
  cover.rows = cover.rows.filter((r) => !(r.kind === 'line' && r.style === 'note'));
  cover.rows.push({
    kind: 'line',
    style: 'note',
    text: '填写说明：在“附件1”表头下逐行填写任务，一行一项；多个单位或领导用顿号“、”分隔；完成时限写成“6月底前”“2025年9月30日”或“长期”。可修改上方标题、文号和报送时间。',
  });
  const sheet = annexSheetModel(annex, opts.orgName, { byCategory: false, withUpstream: false, withDeadline: true, oneUnitColumn: false, supervision: false });
  return writeWorkbook([cover, sheet]);
}
