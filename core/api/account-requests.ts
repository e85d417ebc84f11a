import { z } from 'zod';
import { roleSchema } from './common';

/**
 * 账号变更申请 (issue 17, finding 4): the two-person rule of 三员分立. The system administrator
 * proposes what would let someone sign in or grant a role — a new account, a role (or unit, or
 * leader) change, a password reset, re-enabling a disabled account, a batch of imported accounts —
 * and nothing of it takes effect until the security administrator approves it. The proposer never
 * sees a password: one is generated at approval and shown once to the approver, who hands it to
 * the person; it must be changed at first sign-in.
 */

export const ACCOUNT_REQUEST_KINDS = ['create', 'role', 'reset_password', 'enable', 'import', 'bind_identity', 'unbind_identity'] as const;
export type AccountRequestKind = (typeof ACCOUNT_REQUEST_KINDS)[number];

export const ACCOUNT_REQUEST_KIND_LABELS: Record<AccountRequestKind, string> = {
  create: '新建账号',
  role: '变更角色或所属单位',
  reset_password: '重置密码',
  enable: '启用账号',
  import: '批量导入账号',
  // Issue 18: a platform identity signs in as the account it is bound to, so binding is a request too.
  bind_identity: '绑定政务平台账号',
  unbind_identity: '解除政务平台账号绑定',
};

/** The platforms an account can be bound to for single sign-on (server/auth/sso). */
export const PLATFORM_KINDS = ['oidc', 'wecom', 'dingtalk'] as const;
export type PlatformKind = (typeof PLATFORM_KINDS)[number];
export const PLATFORM_LABELS: Record<PlatformKind, string> = { oidc: '政务平台统一身份认证', wecom: '企业微信', dingtalk: '钉钉' };

export const ACCOUNT_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type AccountRequestStatus = (typeof ACCOUNT_REQUEST_STATUSES)[number];
export const ACCOUNT_REQUEST_STATUS_LABELS: Record<AccountRequestStatus, string> = {
  pending: '待审批',
  approved: '已批准',
  rejected: '已驳回',
};

const reasonField = z.string().trim().max(200);

/** An account as a request shows it: what is proposed, or the account as it is now. */
export const requestAccountSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  roleLabel: z.string(),
  unitName: z.string().nullable(),
  leaderName: z.string().nullable(),
  phone: z.string().nullable(),
});

export const accountRequestSchema = z.object({
  id: z.number(),
  kind: z.enum(ACCOUNT_REQUEST_KINDS),
  kindLabel: z.string(),
  status: z.enum(ACCOUNT_REQUEST_STATUSES),
  statusLabel: z.string(),
  /** The existing account concerned (role, reset, enable), as it is now; null for new accounts. */
  target: requestAccountSchema.extend({ id: z.number(), disabled: z.boolean() }).nullable(),
  /** The accounts to create (create, import) or the assignment to give (role); empty otherwise. */
  accounts: z.array(requestAccountSchema),
  reason: z.string(),
  proposedByName: z.string(),
  proposedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string(),
  /** bind_identity / unbind_identity: the platform identity concerned. */
  identity: z.object({ platform: z.enum(PLATFORM_KINDS), platformLabel: z.string(), externalId: z.string().nullable() }).nullable().optional(),
});
export type AccountRequest = z.infer<typeof accountRequestSchema>;

export const accountRequestListQuery = z.object({ status: z.enum(['pending', 'decided']).default('pending') });
export const accountRequestListSchema = z.object({ items: z.array(accountRequestSchema) });

/** What a proposal answers: the request, waiting for the security administrator. */
export const accountRequestCreatedSchema = z.object({ request: accountRequestSchema });

export const resetPasswordRequestBody = z.object({ reason: reasonField.default('') });
/** Bind a platform identity (the OIDC subject, the WeCom or DingTalk userid) to an account. */
export const bindIdentityRequestBody = z.object({
  platform: z.enum(PLATFORM_KINDS),
  externalId: z.string().trim().min(1).max(128),
  reason: reasonField.default(''),
});
export const unbindIdentityRequestBody = z.object({ platform: z.enum(PLATFORM_KINDS), reason: reasonField.default('') });
export const platformIdentityListSchema = z.object({
  items: z.array(z.object({ platform: z.enum(PLATFORM_KINDS), platformLabel: z.string(), externalId: z.string(), createdAt: z.string() })),
});

export const rejectAccountRequestBody = z.object({ note: z.string().trim().min(1).max(200) });

/**
 * The approval's answer. For a new account, a reset or an import: the initial passwords, generated
 * now and answered this once (never stored but as hashes), with the same as an .xlsx to hand out.
 */
export const accountRequestApprovedSchema = z.object({
  request: accountRequestSchema,
  delivery: z
    .object({
      accounts: z.array(z.object({ id: z.number(), username: z.string(), displayName: z.string(), initialPassword: z.string() })),
      passwordsFile: z.object({ name: z.string(), base64: z.string() }),
    })
    .nullable(),
});
