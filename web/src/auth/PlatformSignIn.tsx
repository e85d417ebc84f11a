import { Alert, Button, Divider } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';

type SsoOptions = { oidc: { label: string } | null; wecom: boolean; dingtalk: boolean };

/**
 * Why a platform sign-in came back refused (the server's callback redirects to /login?sso_error=CODE).
 * The same words as the server's error catalogue: what happened, and whom to ask.
 */
const SSO_ERRORS: Record<string, string> = {
  SSO_UNBOUND:
    '您的政务平台账号尚未绑定督办系统账号，无法登录。请联系系统管理员为您绑定账号（绑定经安全管理员批准后生效），或使用用户名和密码登录',
  SSO_STATE_MISMATCH:
    '政务平台登录请求已失效或不是由本系统发起（校验码不符），已拒绝登录：请回到登录页重新点击平台登录',
  SSO_FAILED:
    '政务平台登录校验未通过（平台返回的身份凭证无效），已拒绝登录：请回到登录页重试，如反复出现请联系系统管理员检查平台登录配置',
  AUTH_ACCOUNT_DISABLED: '该账号已停用，请联系系统管理员',
  SSO_NOT_CONFIGURED: '本系统未配置该政务平台登录方式，请使用用户名和密码登录',
};

export function ssoErrorFromUrl(search: string): string | null {
  const code = new URLSearchParams(search).get('sso_error');
  return code ? (SSO_ERRORS[code] ?? SSO_ERRORS.SSO_FAILED!) : null;
}

export function useSsoOptions() {
  return useQuery({
    queryKey: ['auth', 'sso'],
    queryFn: () => api.get<SsoOptions>('/api/auth/sso'),
    retry: false,
    staleTime: Infinity,
  }).data;
}

/** The refusal of a platform sign-in, above the form. */
export function SsoRefusal({ message }: { message: string }) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message="政务平台登录未成功"
      description={message}
      style={{ marginBottom: 16 }}
    />
  );
}

/**
 * The platform sign-in button(s) under the password form, when the deployment configured them. A
 * full-page navigation (not fetch): the provider's login page takes over and comes back here.
 */
export function PlatformSignInButtons({ options }: { options: SsoOptions | undefined }) {
  if (!options || (!options.oidc && !options.wecom)) return null;
  return (
    <>
      <Divider plain>或</Divider>
      {options.oidc && (
        <Button block size="large" href="/api/auth/sso/oidc/start" style={{ marginBottom: options.wecom ? 8 : 0 }}>
          {options.oidc.label}
        </Button>
      )}
      {options.wecom && (
        <Button block size="large" href="/api/auth/sso/wecom/start">
          在企业微信中登录
        </Button>
      )}
    </>
  );
}
