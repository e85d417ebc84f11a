/**
 * The one catalogue of API error codes. Each code has a fixed HTTP status and a message in
 * Chinese (shown to users) and English (for developers and logs). Codes are stable: clients
 * and tests match on them, never on messages.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, zh: '请求内容不符合要求', en: 'The request is not valid' },
  AUTH_REQUIRED: { status: 401, zh: '请先登录', en: 'Sign-in required' },
  AUTH_INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  AUTH_ACCOUNT_DISABLED: { status: 403, zh: '该账号已停用，请联系系统管理员', en: 'This account is disabled' },
  AUTH_SESSION_EXPIRED: { status: 401, zh: '登录已过期，请重新登录', en: 'The session has expired' },
  AUTH_WRONG_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  PASSWORD_TOO_WEAK: {
    status: 400,
    zh: '密码至少 8 位，且须包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'A password needs at least 8 characters from at least three of: upper case, lower case, digits, symbols',
  },
  CSRF_INVALID: { status: 403, zh: '页面已过期，请刷新后重试', en: 'Missing or wrong CSRF token' },
  FORBIDDEN: { status: 403, zh: '您没有权限执行此操作', en: 'You may not do this' },
  FORBIDDEN_OTHER_UNIT: { status: 403, zh: '不能查看或修改其他单位的数据', en: "Another unit's data" },
  FORBIDDEN_OTHER_ORG: { status: 403, zh: '不能查看或修改其他机构的数据', en: "Another organisation's data" },
  NOT_FOUND: { status: 404, zh: '未找到该记录', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such API route' },
  DEMO_OFF: { status: 404, zh: '演示模式未开启', en: 'The demo is off' },
  CONFLICT_DUPLICATE: { status: 409, zh: '名称已存在', en: 'The name is already taken' },
  UNIT_REQUIRED: { status: 400, zh: '单位经办人和单位负责人必须指定所属单位', en: 'Unit roles need a unit' },
  LEADER_REQUIRED: { status: 400, zh: '区领导账号必须关联领导名录中的人员', en: 'A leader account needs a leader' },
  POLICY_MISSING: {
    status: 500,
    zh: '系统内部错误（未做权限判定），已记录',
    en: 'The route made no policy decision (a bug)',
  },
  IMPORT_FILE_EMPTY: { status: 400, zh: '文件为空', en: 'The file is empty' },
  IMPORT_FILE_TOO_LARGE: { status: 413, zh: '文件过大', en: 'The file is too large' },
  IMPORT_UNSUPPORTED_TYPE: { status: 415, zh: '不支持的文件类型', en: 'Unsupported file type' },
  IMPORT_FILE_CORRUPT: { status: 400, zh: '文件已损坏', en: 'The file is damaged' },
  IMPORT_FILE_ENCRYPTED: { status: 400, zh: '文件已加密', en: 'The file is encrypted' },
  IMPORT_ZIP_BOMB: { status: 400, zh: '文件解压后过大', en: 'The file expands too much' },
  IMPORT_XML_ENTITIES: { status: 400, zh: '文件含有不安全的 XML 声明', en: 'The file declares XML entities' },
  IMPORT_TEXT_ENCODING: { status: 400, zh: '无法识别文件编码', en: 'Unknown text encoding' },
  NOTICE_EMPTY_TEXT: { status: 422, zh: '文件没有内容', en: 'The notice has no text' },
  NOTICE_NOT_A_NOTICE: { status: 422, zh: '未识别为责任分解通知', en: 'Not a responsibility-breakdown notice' },
  NOTICE_NO_TABLE_COLUMNS: { status: 422, zh: '无法识别任务表的列', en: 'Task table columns not recognised' },
  NOTICE_NO_TASKS: { status: 422, zh: '没有解析出任务', en: 'No tasks found' },
  NOTICE_ALREADY_IMPORTED: {
    status: 409,
    zh: '该文号的通知已导入，再次导入将对比差异后更新',
    en: 'A notice with this document number is already imported; re-import it as an update',
  },
  PERIOD_WRONG_STATE: { status: 409, zh: '报送期当前状态不允许此操作', en: 'The period is not in a state that allows this' },
  PERIOD_NOT_OPEN: { status: 409, zh: '该报送期未开放，不能填报', en: 'The period is not open for reporting' },
  PERIOD_EXTEND_INVALID: { status: 400, zh: '延期后的截止日期须晚于当前截止日期', en: 'The new deadline must be later than the current one' },
  REASON_REQUIRED: { status: 400, zh: '请填写理由', en: 'A reason is required' },
  REPORT_WRONG_STATE: { status: 409, zh: '报告当前状态不允许此操作', en: 'The report is not in a state that allows this' },
  REPORT_NOT_RESPONSIBLE: { status: 403, zh: '本单位不是该事项的责任单位', en: 'The unit is not responsible for this task' },
  EDIT_CONFLICT: {
    status: 409,
    zh: '保存失败：他人已修改了这一事项，请查看对方的修改后再保存',
    en: 'Someone else changed this entry since you loaded it; review their change and save again',
  },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '上传内容过大', en: 'Payload too large' },
  INTERNAL: { status: 500, zh: '系统内部错误，已记录，请稍后重试', en: 'Internal error' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;
