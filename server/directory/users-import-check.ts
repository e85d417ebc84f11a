import { normalisePhone, PHONE_PATTERN, usernameField } from '../../core/api/directory';
import type { UserImportColumn } from '../../core/api/users-import';
import { BUSINESS_ROLES, ROLE_LABELS, ROLES, SYSTEM_ROLES, UNIT_ROLES, type Role } from '../../core/roles';
import type { Db } from '../db/connection';
import { listLeaders } from './leaders.repository';
import { listUnits } from './units.repository';
import { findTakenUsernames } from './users.repository';
import type { SheetRow } from './users-import-sheet';

/**
 * Checks every row of an account sheet against the organisation's directory and the accounts that
 * exist, the way single creation (users.service.ts) would refuse them — but all at once, each
 * problem with its row, its column and what to do about it. Reads only; the same check runs again
 * inside the import's transaction.
 */

export type CheckedRow = {
  row: number;
  username: string;
  displayName: string;
  roleText: string;
  role: Role | null;
  unitText: string;
  unit: { id: number; name: string } | null;
  leader: { id: number; name: string } | null;
  phone: string | null;
  errors: { column: UserImportColumn | null; message: string }[];
};

const ROLE_BY_WORD = new Map<string, Role>([
  ...ROLES.map((r): [string, Role] => [ROLE_LABELS[r], r]),
  ...ROLES.map((r): [string, Role] => [r, r]),
  ['经办人', 'unit_staff'],
  ['负责人', 'unit_head'],
  ['督查室工作人员', 'office'],
]);

/** Spaces dropped and brackets made full-width, so 区教育局 (本级) matches 区教育局（本级）. */
const unitKey = (s: string) => s.replace(/[\s\u3000]/g, '').replace(/\(/g, '（').replace(/\)/g, '）');

/** `exceptRequestId`: the import request being approved, whose own login names are not taken by it. */
export async function checkAccountRows(db: Db, orgId: number, rows: SheetRow[], exceptRequestId?: number): Promise<CheckedRow[]> {
  const [units, leaders] = await Promise.all([listUnits(db, orgId), listLeaders(db, orgId)]);
  const unitsByKey = new Map<string, { id: number; name: string }[]>();
  for (const u of units) {
    for (const word of new Set([u.name, ...u.aliases].map(unitKey))) {
      unitsByKey.set(word, [...(unitsByKey.get(word) ?? []), { id: u.id, name: u.name }]);
    }
  }
  const leadersByName = new Map(leaders.map((l) => [l.name.replace(/\s/g, ''), { id: l.id, name: l.name }]));
  const taken = await findTakenUsernames(
    db,
    rows.map((r) => r.cells.登录名),
    exceptRequestId,
  );
  const rowsOfName = new Map<string, number[]>();
  for (const r of rows) {
    if (r.cells.登录名) rowsOfName.set(r.cells.登录名, [...(rowsOfName.get(r.cells.登录名) ?? []), r.row]);
  }
  const roleWords = BUSINESS_ROLES.map((r) => ROLE_LABELS[r]).join('、');

  return rows.map(({ row, cells }) => {
    const errors: CheckedRow['errors'] = [];
    const problem = (column: UserImportColumn, message: string) => errors.push({ column, message });

    const username = cells.登录名;
    if (!username) problem('登录名', '登录名未填写：请填写登录名，如 jyj.jingban（小写字母、数字、点、横线或下划线）');
    else if (!usernameField.safeParse(username).success) {
      const lower = username.toLowerCase();
      problem(
        '登录名',
        /[A-Z]/.test(username) && usernameField.safeParse(lower).success
          ? `登录名“${username}”含大写字母：登录名只能用小写，请改为“${lower}”`
          : `登录名“${username}”格式不正确：只能用小写字母、数字、点、横线或下划线，以字母或数字开头，2–64 位（不能有空格和汉字）`,
      );
    } else if (taken.has(username)) problem('登录名', `登录名“${username}”已被系统中的其他账号使用（或已在待审批的账号申请中）：请换一个登录名，如在末尾加数字`);
    const same = rowsOfName.get(username) ?? [];
    if (username && same.length > 1) {
      problem('登录名', `登录名“${username}”在本表第 ${same.join('、')} 行重复出现：每个账号的登录名须不同，请修改其中的重复行`);
    }

    const displayName = cells.姓名;
    if (!displayName) problem('姓名', '姓名未填写：请填写使用该账号的人员姓名');
    else if (displayName.length > 50) problem('姓名', `姓名过长（${displayName.length} 个字）：请不超过 50 个字`);
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    else if (/[\u0000-\u001f\u007f]/.test(displayName)) problem('姓名', '姓名含有不可见的控制字符：请重新输入该单元格');

    const roleText = cells.角色;
    const read = ROLE_BY_WORD.get(roleText.replace(/[\s\u3000]/g, ''));
    let role: Role | null = null;
    if (!roleText) problem('角色', `角色未填写：请选择 ${roleWords} 之一`);
    else if (!read) problem('角色', `角色“${roleText}”无法识别：请填写 ${roleWords} 之一（可在模板中从下拉列表选择）`);
    else if (SYSTEM_ROLES.includes(read)) {
      problem('角色', `${ROLE_LABELS[read]}属于三员账号，只能由部署人员在服务器上用命令行创建，不能批量导入：请删除该行`);
    } else role = read;

    const unitText = cells.所属单位;
    let unit: CheckedRow['unit'] = null;
    if (role && UNIT_ROLES.includes(role)) {
      const matches = unitText ? (unitsByKey.get(unitKey(unitText)) ?? []) : [];
      if (!unitText) problem('所属单位', `${ROLE_LABELS[role]}须填写所属单位：请填写“单位名录”工作表中的单位名称或别名`);
      else if (matches.length === 0) {
        problem('所属单位', `未找到单位“${unitText}”：请填写“单位名录”工作表中的单位名称或别名；单位尚未建立的，请先请督查室在单位名录中新增`);
      } else if (matches.length > 1) {
        problem('所属单位', `“${unitText}”同时是 ${matches.map((m) => m.name).join('、')} 的名称或别名：请填写单位的全称`);
      } else unit = matches[0]!;
    } else if (role && unitText) {
      problem('所属单位', `${ROLE_LABELS[role]}账号不属于某个单位：请清空所属单位，或把角色改为单位经办人/单位负责人`);
    }

    let leader: CheckedRow['leader'] = null;
    if (role === 'leader' && displayName) {
      leader = leadersByName.get(displayName.replace(/\s/g, '')) ?? null;
      if (!leader) problem('姓名', `领导名录中没有“${displayName}”：区领导账号的姓名须与“领导名录”工作表中的姓名一致；名录中没有的，请先请督查室新增该领导`);
    }

    const phoneText = normalisePhone(cells.手机号);
    const phone = phoneText || null;
    if (phone && !PHONE_PATTERN.test(phone)) problem('手机号', `手机号“${cells.手机号}”格式不正确：请填写 11 位手机号，以 1 开头（如 13800000000），或留空`);

    return { row, username, displayName, roleText, role, unitText, unit, leader, phone, errors };
  });
}
