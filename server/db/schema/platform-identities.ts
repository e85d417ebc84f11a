import type { Id, CreatedAt } from './columns';

/** The platforms a person can sign in through, or be messaged on (issue 18). */
export type Platform = 'oidc' | 'wecom' | 'dingtalk';
export const PLATFORMS: readonly Platform[] = ['oidc', 'wecom', 'dingtalk'];

/**
 * A platform identity bound to one account (migration 0026): written only through an approved
 * 账号变更申请 (or an opt-in attribute match), never created by a sign-in.
 */
export interface UserPlatformIdentitiesTable {
  id: Id;
  org_id: number;
  user_id: number;
  /** 'oidc' | 'wecom' | 'dingtalk' */
  platform: string;
  /** The OIDC `sub`, the WeCom userid or the DingTalk userid. */
  external_id: string;
  created_at: CreatedAt;
}
