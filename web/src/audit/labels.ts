// Chinese names for the audit log's action and entity codes. The codes stay visible next to the
// label (auditors quote them in findings); an unknown code is shown as-is, never hidden.
export const ACTION_LABELS: Record<string, string> = {
  'auth.sign_in': '登录',
  'auth.sign_in_failed': '登录失败',
  'auth.sign_out': '退出登录',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.reset_password': '重置密码',
  'user.change_password': '修改本人密码',
  'unit.create': '新增单位',
  'unit.update': '修改单位',
  'leader.create': '新增领导',
  'leader.update': '修改领导',
};

export const ENTITY_LABELS: Record<string, string> = {
  user: '用户',
  unit: '单位',
  leader: '领导',
  organisation: '机构',
  session: '会话',
};

// Failures and credential changes are what an auditor scans for first.
export function actionColor(action: string): string {
  if (action.endsWith('_failed')) return 'red';
  if (action.includes('password')) return 'orange';
  if (action.startsWith('auth.')) return 'default';
  return 'blue';
}
