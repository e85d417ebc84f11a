import ExcelJS from 'exceljs';
import { USER_IMPORT_COLUMNS, USER_IMPORT_LIMITS, type UserImportColumn } from '../../core/api/users-import';
import { BUSINESS_ROLES, ROLE_LABELS, SYSTEM_ROLES } from '../../core/roles';
import { AppError } from '../errors/app-error';
import { neutraliseCellText } from '../exports/cell-text';
import { renderWorkbook } from '../exports/xlsx';
import { ImportFileError } from '../import/readers/import-error';
import { openOfficeZip, readXmlPart } from '../import/readers/zip-guard';

/**
 * The account sheet as a file: the template the administrator downloads, the reading of the filled
 * sheet (with the notice importer's zip and XML guards), and the one-time file of initial passwords.
 */

export const ACCOUNTS_SHEET = '账号';
const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export type TemplateDirectory = {
  orgName: string;
  units: { name: string; aliases: string[] }[];
  leaders: { name: string; title: string }[];
};

const HEADER_NOTES: Record<UserImportColumn, string> = {
  登录名: '必填。小写字母、数字、点、横线或下划线，2–64 位，如 jyj.jingban',
  姓名: '必填。区领导账号的姓名须与“领导名录”中的姓名一致',
  角色: '必填。从下拉列表中选择',
  所属单位: '单位经办人、单位负责人必填：“单位名录”中的名称或别名；其他角色留空',
  手机号: '选填。11 位手机号',
};

export async function renderTemplate(dir: TemplateDirectory): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duban 督办';
  const roles = BUSINESS_ROLES.map((r) => ROLE_LABELS[r]);

  const ws = wb.addWorksheet(ACCOUNTS_SHEET);
  ws.columns = [
    { width: 20, style: { numFmt: '@' } },
    { width: 14 },
    { width: 14 },
    { width: 26 },
    { width: 16, style: { numFmt: '@' } },
  ];
  const header = ws.getRow(1);
  USER_IMPORT_COLUMNS.forEach((name, i) => {
    const cell = header.getCell(i + 1);
    cell.value = name;
    cell.note = HEADER_NOTES[name];
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6EEF8' } };
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const last = USER_IMPORT_LIMITS.maxRows + 1;
  // A drop-down of the roles; units get one too, but without refusing what is not in it, since an
  // alias is as good as the name.
  // ExcelJS writes range validations (one <dataValidation sqref="C2:C2001">) but does not type them.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  validations.add(`C2:C${last}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${roles.join(',')}"`],
    showErrorMessage: true,
    errorTitle: '角色不正确',
    error: `请从下拉列表中选择：${roles.join('、')}`,
  });
  if (dir.units.length > 0) {
    validations.add(`D2:D${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'单位名录'!$A$2:$A$${dir.units.length + 1}`],
      showErrorMessage: false,
    });
  }

  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 16 }, { width: 90 }];
  const lines: [string, string][] = [
    ['用途', `${dir.orgName}账号批量导入模板：在“${ACCOUNTS_SHEET}”工作表中每行填写一个账号，上传后先预览检查，无误后一次全部导入`],
    ['登录名', HEADER_NOTES.登录名 + '；不能与系统中已有的登录名重复，表内也不能重复'],
    ['姓名', HEADER_NOTES.姓名 + '；不超过 50 个字'],
    ['角色', `必填，可选：${roles.join('、')}`],
    ['', `${SYSTEM_ROLES.map((r) => ROLE_LABELS[r]).join('、')}（三员）账号只能由部署人员在服务器上用命令行创建，不能导入`],
    ['所属单位', HEADER_NOTES.所属单位],
    ['手机号', HEADER_NOTES.手机号],
    ['初始密码', '系统为每个账号生成随机初始密码，导入完成后只显示一次并可下载；用户首次登录须修改密码'],
    ['行数', `一次最多导入 ${USER_IMPORT_LIMITS.maxRows} 个账号，文件不超过 2 MB，仅支持 .xlsx`],
    ['', ''],
    ['角色', '说明'],
    ...BUSINESS_ROLES.map((r): [string, string] => [ROLE_LABELS[r], ROLE_NOTES[r] ?? '']),
  ];
  for (const [k, v] of lines) {
    const row = help.addRow([k, v]);
    row.alignment = { vertical: 'top', wrapText: true };
    if (k === '角色' && v === '说明') row.font = { bold: true };
  }
  help.getColumn(1).font = { bold: true };

  const units = wb.addWorksheet('单位名录');
  units.columns = [{ width: 30 }, { width: 50 }];
  units.addRow(['单位名称', '别名（也可填写）']).font = { bold: true };
  for (const u of dir.units) units.addRow([neutraliseCellText(u.name), neutraliseCellText(u.aliases.join('、'))]);

  const leaders = wb.addWorksheet('领导名录');
  leaders.columns = [{ width: 16 }, { width: 40 }];
  leaders.addRow(['姓名', '职务']).font = { bold: true };
  for (const l of dir.leaders) leaders.addRow([neutraliseCellText(l.name), neutraliseCellText(l.title)]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

const ROLE_NOTES: Partial<Record<(typeof BUSINESS_ROLES)[number], string>> = {
  unit_staff: '单位经办人：填报本单位的季度进展，须填所属单位',
  unit_head: '单位负责人：审核本单位报告后报送督查室，须填所属单位',
  office: '督查室工作人员：所属单位留空',
  leader: '区领导：姓名须与“领导名录”一致，所属单位留空',
  viewer: '查看人员（如乡镇、街道）：只读，所属单位留空',
};

/** One filled row of the sheet, as text, with its row number as Excel shows it. */
export type SheetRow = { row: number; cells: Record<UserImportColumn, string> };

const HEADER_WORDS: Record<string, UserImportColumn> = {
  登录名: '登录名',
  用户名: '登录名',
  账号: '登录名',
  姓名: '姓名',
  角色: '角色',
  所属单位: '所属单位',
  单位: '所属单位',
  手机号: '手机号',
  手机: '手机号',
  手机号码: '手机号',
};

/** Reads the account sheet. File-level problems (not xlsx, no header, too many rows) are refusals. */
export async function readAccountSheet(fileName: string, buf: Buffer): Promise<SheetRow[]> {
  if (buf.length === 0) throw new AppError('IMPORT_FILE_EMPTY', { zh: `${fileName}：文件为空，请下载模板填写后上传`, en: 'empty file', complete: true });
  if (buf.length > USER_IMPORT_LIMITS.maxFileBytes) throw tooLarge(fileName);
  if (!/\.xlsx$/i.test(fileName) || !buf.subarray(0, 4).equals(XLSX_MAGIC)) {
    throw new AppError('IMPORT_UNSUPPORTED_TYPE', {
      zh: `${fileName}：仅支持 Excel .xlsx 文件；.xls、.csv 或 WPS 格式请先用 Excel/WPS 另存为 .xlsx，或下载模板重新填写`,
      en: 'only .xlsx files are accepted',
      complete: true,
    });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    const zip = await openOfficeZip(buf, fileName, 'Excel');
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) {
      await readXmlPart(zip, name, fileName);
    }
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    if (e instanceof ImportFileError) throw new AppError(e.code, { zh: `${fileName}：${e.zh}`, en: e.en, complete: true });
    throw new AppError('IMPORT_FILE_CORRUPT', {
      zh: `${fileName}：文件已损坏或不是有效的 .xlsx 文件，请用 Excel/WPS 打开后重新另存为 .xlsx`,
      en: 'not a valid .xlsx',
      complete: true,
    });
  }
  const sheet = workbook.getWorksheet(ACCOUNTS_SHEET) ?? workbook.worksheets[0];
  const found = sheet ? findHeader(sheet) : null;
  if (!sheet || !found) {
    throw new AppError('USERS_IMPORT_NOT_TEMPLATE', {
      zh: `${fileName}：没有找到表头（登录名、姓名、角色、所属单位、手机号），请下载模板，在“${ACCOUNTS_SHEET}”工作表中填写`,
      en: 'no header row with 登录名/姓名/角色',
      complete: true,
    });
  }
  const rows: SheetRow[] = [];
  for (let r = found.headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells = Object.fromEntries(
      USER_IMPORT_COLUMNS.map((c) => [c, found.columns[c] ? cellText(row.getCell(found.columns[c]!)) : '']),
    ) as Record<UserImportColumn, string>;
    if (USER_IMPORT_COLUMNS.every((c) => cells[c] === '')) continue;
    if (rows.length === USER_IMPORT_LIMITS.maxRows) {
      throw new AppError('USERS_IMPORT_TOO_MANY_ROWS', {
        zh: `${fileName}：一次最多导入 ${USER_IMPORT_LIMITS.maxRows} 个账号（第 ${r} 行超出），请拆成几个文件分批导入`,
        en: `more than ${USER_IMPORT_LIMITS.maxRows} rows`,
        complete: true,
      });
    }
    rows.push({ row: r, cells });
  }
  if (rows.length === 0) {
    throw new AppError('USERS_IMPORT_EMPTY', {
      zh: `${fileName}：“${sheet.name}”工作表表头下没有填写账号，请从第 ${found.headerRow + 1} 行起每行填写一个账号`,
      en: 'no rows under the header',
      complete: true,
    });
  }
  return rows;
}

export function tooLarge(fileName: string) {
  return new AppError('IMPORT_FILE_TOO_LARGE', {
    zh: `${fileName}：文件超过 ${USER_IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB；账号表只需文字，请删除图片等内容或分批导入`,
    en: 'file too large',
    complete: true,
  });
}

/** The header is the first of the top rows that names 登录名 and 姓名; columns may be in any order. */
function findHeader(sheet: ExcelJS.Worksheet) {
  for (let r = 1; r <= Math.min(5, sheet.rowCount); r++) {
    const columns: Partial<Record<UserImportColumn, number>> = {};
    const row = sheet.getRow(r);
    for (let c = 1; c <= Math.min(row.cellCount, 30); c++) {
      const word = cellText(row.getCell(c)).replace(/[*＊]/g, '').replace(/[（(].*$/, '').trim();
      const column = HEADER_WORDS[word];
      if (column && !columns[column]) columns[column] = c;
    }
    if (columns.登录名 && columns.姓名 && columns.角色) return { headerRow: r, columns };
  }
  return null;
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('').trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim(); // a hyperlink
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** The initial passwords, to hand to each person; made once, never stored. */
export function renderPasswordsFile(orgName: string, created: { username: string; displayName: string; initialPassword: string }[]) {
  return renderWorkbook([
    {
      name: '初始密码',
      title: `${orgName}新建账号初始密码（首次登录须修改；分发后请删除本文件）`,
      columns: [
        { header: '登录名', width: 22 },
        { header: '姓名', width: 14 },
        { header: '初始密码', width: 20, verbatim: true }, // made by the server, copied exactly (an '@' may lead)
      ],
      rows: created.map((c) => [c.username, c.displayName, c.initialPassword]),
    },
  ]);
}
