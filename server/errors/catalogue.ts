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
  AUTH_ACCOUNT_LOCKED: { status: 423, zh: '登录失败次数过多，账号已暂时锁定，请稍后再试或联系系统管理员重置密码', en: 'Too many failed sign-ins: the account is locked for a while' },
  AUTH_SESSION_EXPIRED: { status: 401, zh: '登录已过期，请重新登录', en: 'The session has expired' },
  AUTH_WRONG_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  SEPARATION_OF_DUTIES: { status: 403, zh: '系统管理员、安全管理员和安全审计员（三员）账号只能由部署人员在服务器上用命令行创建和维护', en: 'Accounts of the three system roles are kept by the deployment (duban create-user), not through the API' },
  // 账号变更申请 (issue 17, finding 4): the system administrator proposes, the security administrator decides.
  ACCOUNT_APPROVAL_REQUIRED: {
    status: 403,
    zh: '新建账号须由系统管理员提出申请、经安全管理员批准后生效，不能直接创建',
    en: 'A new account is a request the security administrator approves; it cannot be created directly',
  },
  ACCOUNT_REQUEST_PENDING: {
    status: 409,
    zh: '该账号已有一项待安全管理员审批的变更申请：请等待审批完成（或请安全管理员驳回）后再提出新的申请',
    en: 'This account already has a request waiting for the security administrator; wait for its decision first',
  },
  ACCOUNT_REQUEST_DECIDED: {
    status: 409,
    zh: '该账号变更申请已被审批（批准或驳回），不能再次处理：请刷新待审批列表',
    en: 'The request has already been decided; reload the list',
  },
  ACCOUNT_REQUEST_OWN: {
    status: 403,
    zh: '不能审批本人提出的账号变更申请：须由另一名安全管理员审批（双人控制）',
    en: 'Nobody decides a request they proposed (two-person rule)',
  },
  PASSWORD_CHANGE_REQUIRED: { status: 403, zh: '请先修改初始密码（或管理员重置的密码）后再使用系统', en: 'Change the initial or reset password first' },
  // Single sign-on through the government platform (issue 18).
  SSO_NOT_CONFIGURED: { status: 404, zh: '本系统未配置该政务平台登录方式，请使用用户名和密码登录', en: 'This platform sign-in is not configured on this deployment; sign in with a password' },
  SSO_STATE_MISMATCH: {
    status: 400,
    zh: '政务平台登录请求已失效或不是由本系统发起（校验码不符），已拒绝登录：请回到登录页重新点击平台登录',
    en: 'The platform sign-in does not match a sign-in started here (state mismatch or expired); start again from the sign-in page',
  },
  SSO_FAILED: {
    status: 401,
    zh: '政务平台登录校验未通过（平台返回的身份凭证无效），已拒绝登录：请回到登录页重试，如反复出现请联系系统管理员检查平台登录配置',
    en: 'The platform sign-in could not be verified (invalid code or ID token); try again, or ask the system administrator to check the SSO settings',
  },
  SSO_UNBOUND: {
    status: 403,
    zh: '您的政务平台账号尚未绑定督办系统账号，无法登录。请联系系统管理员为您绑定账号（绑定经安全管理员批准后生效），或使用用户名和密码登录',
    en: 'This platform identity is not bound to a Duban account; ask the system administrator to bind it (approved by the security administrator)',
  },
  IDENTITY_TAKEN: {
    status: 409,
    zh: '该政务平台账号已绑定到另一个督办系统账号：请先解除原绑定',
    en: 'This platform identity is already bound to another account; unbind it first',
  },
  // The optional TOTP second factor (两步验证).
  AUTH_TOTP_REQUIRED: { status: 401, zh: '该账号已开启两步验证，请输入动态验证码', en: 'This account uses two-step verification: a code is required' },
  AUTH_TOTP_INVALID: { status: 401, zh: '动态验证码不正确，请核对手机上显示的验证码', en: 'Wrong verification code' },
  AUTH_TOTP_REPLAYED: { status: 401, zh: '该动态验证码已使用过，请等待验证码刷新后输入新的验证码', en: 'This code was already used; wait for the next one' },
  TOTP_CODE_INVALID: { status: 400, zh: '动态验证码不正确，请核对手机上显示的验证码', en: 'Wrong verification code' },
  TOTP_ALREADY_ENABLED: { status: 409, zh: '两步验证已开启；如需更换手机，请先关闭后重新开启', en: 'Two-step verification is already on' },
  TOTP_NOT_STARTED: { status: 409, zh: '请先生成密钥并添加到验证器，再输入验证码', en: 'Start the setup first' },
  TOTP_NOT_ENABLED: { status: 409, zh: '该账号未开启两步验证', en: 'Two-step verification is not on for this account' },
  PASSWORD_REUSED: { status: 400, zh: '新密码不能与最近使用过的 5 个密码相同', en: 'The new password was one of the last five' },
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
  CONCURRENT_CHANGE: {
    status: 409,
    zh: '他人刚刚同时提交了相同的内容（例如同时导入通知或新增同名记录），本次操作未保存任何内容，请刷新页面后重试',
    en: 'A concurrent change conflicted with this one; nothing was saved: reload and try again',
  },
  UNIT_REQUIRED: { status: 400, zh: '单位经办人和单位负责人必须指定所属单位', en: 'Unit roles need a unit' },
  LEADER_REQUIRED: { status: 400, zh: '区领导账号必须关联领导名录中的人员', en: 'A leader account needs a leader' },
  // Unit accounts in bulk (issue 15): the administrator's account sheet.
  USERS_IMPORT_NOT_TEMPLATE: { status: 400, zh: '未识别为账号导入模板', en: 'Not the account import template' },
  USERS_IMPORT_EMPTY: { status: 400, zh: '模板中没有填写任何账号', en: 'The sheet lists no account' },
  USERS_IMPORT_TOO_MANY_ROWS: { status: 400, zh: '一次导入的账号过多', en: 'Too many accounts in one file' },
  USERS_IMPORT_HAS_ERRORS: {
    status: 422,
    zh: '账号表中有错误，未导入任何账号；请按预览中的提示逐行修改后重新上传',
    en: 'The sheet has errors; nothing was imported',
  },
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
  IMPORT_FILE_TOO_COMPLEX: { status: 400, zh: '文件超出导入允许的范围', en: 'The file is beyond the import limits' },
  IMPORT_SCANNED_PDF: { status: 400, zh: '扫描件没有可复制的文字', en: 'The document is a scan without text' },
  NOTICE_EMPTY_TEXT: { status: 422, zh: '文件没有内容', en: 'The notice has no text' },
  NOTICE_NOT_A_NOTICE: { status: 422, zh: '未识别为责任分解通知', en: 'Not a responsibility-breakdown notice' },
  NOTICE_NO_TABLE_COLUMNS: { status: 422, zh: '无法识别任务表的列', en: 'Task table columns not recognised' },
  NOTICE_NO_TASKS: { status: 422, zh: '没有解析出任务', en: 'No tasks found' },
  // Issue 16 / 17.1: hard bounds of the parser (core/notice/limits.ts) and of the parse worker (import/parse-pool.ts).
  NOTICE_TOO_MUCH_TEXT: { status: 422, zh: '文件文字过多', en: 'Too much text for a notice' },
  NOTICE_TOO_MANY_ROWS: { status: 422, zh: '文件行数过多', en: 'Too many lines for a notice' },
  NOTICE_TOO_MANY_TASKS: { status: 422, zh: '任务数过多', en: 'Too many tasks for a notice' },
  IMPORT_PARSE_TIMEOUT: {
    status: 422,
    zh: '通知解析超时，已停止。文件可能过大或内容异常，请确认上传的是责任分解通知本身，或把附件拆成几个文件分别导入',
    en: 'Reading the notice took too long and was stopped; check the file, or import its annexes separately',
  },
  IMPORT_PARSE_OUT_OF_MEMORY: {
    status: 422,
    zh: '通知解析所需内存超出限制，已停止。请确认上传的是责任分解通知本身，或把附件拆成几个文件分别导入',
    en: 'Reading the notice needed more memory than allowed and was stopped; check the file, or import its annexes separately',
  },
  IMPORT_BUSY: {
    status: 503,
    zh: '服务器正在解析其他通知，请稍候几秒再试',
    en: 'The server is busy reading other notices; retry in a few seconds',
  },
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
  REPORT_INCOMPLETE: {
    status: 422,
    zh: '报告尚未填写完整，不能提交：每个事项须选择推进状态并填写进展情况',
    en: 'The report is incomplete: every item needs a status and its progress text',
  },
  REPORT_NOT_STARTED: { status: 404, zh: '本单位尚未开始填报该期报告', en: 'The unit has not started this period’s report' },
  URGE_NOT_NEEDED: { status: 409, zh: '该单位本期报告已报送督查室（或本期免报），无需催办', en: 'The report reached the office (or the unit is exempt): nothing to urge' },
  REPORT_EXEMPT: { status: 409, zh: '本期免报', en: 'The unit is exempt from this period' },
  REPORT_NOT_RESPONSIBLE: { status: 403, zh: '本单位不是该事项的责任单位', en: 'The unit is not responsible for this task' },
  EDIT_CONFLICT: {
    status: 409,
    zh: '保存失败：他人已修改了这一事项，请查看对方的修改后再保存',
    en: 'Someone else changed this entry since you loaded it; review their change and save again',
  },
  // Issue 17, finding 11: units, leaders, settings, the assessment scheme and period extensions are
  // saved against the version the editor loaded; errors/stale-version.ts names the record in the message.
  STALE_VERSION: {
    status: 409,
    zh: '保存失败：在您打开之后，他人已先保存了对这条记录的修改，您的修改未保存。请刷新页面，查看对方的修改后再重新编辑',
    en: 'Someone else saved this record after you loaded it; nothing was saved: reload, review their change and edit again',
  },
  // 销号: closing a task completed and accepted, and undoing it.
  TASK_NOT_CLOSABLE: {
    status: 409,
    zh: '该事项尚无经督查室审核通过的“已完成”报告，不能销号',
    en: 'The task has no report accepted by the office that says it is completed, so it cannot be closed',
  },
  TASK_ALREADY_CLOSED: { status: 409, zh: '该事项已销号', en: 'The task is already closed' },
  TASK_NOT_CLOSED: { status: 409, zh: '该事项未销号，无需撤销', en: 'The task is not closed' },
  // Building the ledger by hand (issue 16): a task with reports or other records is closed (销号), never deleted.
  TASK_NOT_DELETABLE: {
    status: 409,
    zh: '该事项已有报送或办理记录，不能删除；如已完成请改为销号',
    en: 'The task has reports or other records, so it cannot be deleted; close it (销号) instead',
  },
  COORDINATION_CLOSED: { status: 409, zh: '该协调事项已办结', en: 'The coordination request is closed' },
  ADJUSTMENT_DECIDED: { status: 409, zh: '该调整申请已处理', en: 'The adjustment was already decided' },
  ADJUSTMENT_EMPTY: { status: 400, zh: '请填写调整后的工作标准或指标目标值', en: 'Give the new standard or the new indicator target' },
  // Levels (issue 7): hand-down, import linking, roll-up.
  HANDDOWN_NOT_DESCENDANT: { status: 400, zh: '只能交办给本级所辖的下级机构', en: 'Items can be handed down only to organisations below this one' },
  HANDDOWN_EXISTS: { status: 409, zh: '该事项已交办给该机构', en: 'This item was already handed down to that organisation' },
  HANDDOWN_NO_TARGETS: { status: 400, zh: '请选择接收交办的下级机构', en: 'Choose the organisations to hand the item down to' },
  ROLLUP_NO_LOWER_ORGS: { status: 403, zh: '本机构没有下级机构，无汇总可看', en: 'This organisation has no organisations below it' },
  FORBIDDEN_NOT_ADDRESSEE: { status: 403, zh: '该事项不是提请您协调的', en: 'This request is not addressed to you' },
  BULLETIN_PERIOD_NOT_OPENED: {
    status: 409,
    zh: '该报送期尚未开启，没有可通报的情况；请先开启报送期',
    en: 'The period has not been opened yet, so there is nothing to report on; open it first',
  },
  BULLETIN_PUBLISHED: { status: 409, zh: '该通报已发布，不能再修改或删除', en: 'The bulletin is published and can no longer be changed or deleted' },
  BULLETIN_CONFLICT: {
    status: 409,
    zh: '保存失败：他人已修改了这份通报，请刷新后再编辑',
    en: 'Someone else changed this bulletin since you loaded it; reload and edit again',
  },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '上传内容过大', en: 'Payload too large' },
  // Evidence files (佐证材料, issue 15): what an Office file carries, the report's total, the office's requirement.
  EVIDENCE_UNSAFE_CONTENT: { status: 415, zh: '文件中含有可执行程序、脚本或宏，不能作为佐证材料上传', en: 'The file carries a program, a script or a macro' },
  EVIDENCE_QUOTA_EXCEEDED: { status: 413, zh: '本期报告的佐证材料已超过总大小上限', en: 'The report’s evidence files exceed their total size limit' },
  EVIDENCE_REQUIRED: { status: 422, zh: '已完成的事项须上传佐证材料后才能提交', en: 'Completed items need an evidence file before the report is submitted' },
  ASSESSMENT_NOTHING_TO_ASSESS: { status: 422, zh: '没有可考核的责任单位', en: 'There is no responsible unit to assess' },
  ASSESSMENT_PERIOD_NOT_OPENED: { status: 409, zh: '该报送期尚未开放，没有可考核的报告', en: 'The period was never opened; there are no reports to assess' },
  ASSESSMENT_RUN_SUPERSEDED: {
    status: 409,
    zh: '该次考核结果已被新的考核结果取代，请在最新一次考核结果上调整',
    en: 'A later run replaced this one; adjust the latest run',
  },
  ASSESSMENT_UNIT_NOT_ASSESSED: { status: 404, zh: '该单位不在本次考核范围内', en: 'The unit is not part of this run' },
  ASSESSMENT_ALREADY_VETOED: { status: 409, zh: '该单位本年度已被一票否决', en: 'The unit is already vetoed for the year' },
  ASSESSMENT_NOT_VETOED: { status: 404, zh: '该单位本年度未被一票否决', en: 'The unit is not vetoed for the year' },
  INTERNAL: { status: 500, zh: '系统内部错误，已记录，请稍后重试', en: 'Internal error' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;
