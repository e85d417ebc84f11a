import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../api/client';
import { homeFor } from '../roles';
import { useDemoAccounts } from './demo-accounts';
import { PlatformSignInButtons, SsoRefusal, ssoErrorFromUrl, useSsoOptions } from './PlatformSignIn';
import { signedOutBecause, useLogin, useSession } from './session';

// The demo list needs antd's Table, a large chunk a production sign-in page never uses: load it apart.
const DemoAccounts = lazy(() => import('./DemoAccounts'));

interface LoginForm {
  username: string;
  password: string;
  totpCode?: string;
}

// The server answers these when the password was right and the account has two-step verification:
// the page then asks for the code, keeping the username and password it already has.
const CODE_STEP_ERRORS = ['AUTH_TOTP_REQUIRED', 'AUTH_TOTP_INVALID', 'AUTH_TOTP_REPLAYED'];

export default function LoginPage() {
  const { me } = useSession();
  const login = useLogin();
  const navigate = useNavigate();
  const [form] = Form.useForm<LoginForm>();
  const demoAccounts = useDemoAccounts();
  const [expired] = useState(signedOutBecause);
  const [codeStep, setCodeStep] = useState(false);
  const ssoOptions = useSsoOptions();
  // A platform sign-in that came back refused: shown until the person tries again.
  const [ssoError] = useState(() => ssoErrorFromUrl(window.location.search));

  if (me) return <Navigate to={homeFor(me.role, me.home)} replace />;

  const onFinish = (values: LoginForm) => {
    const { totpCode, ...credentials } = values;
    login.mutate(codeStep && totpCode ? { ...credentials, totpCode: totpCode.trim() } : credentials, {
      onSuccess: (user) => navigate(homeFor(user.role, user.home), { replace: true }),
      onError: (err) => {
        if (err instanceof ApiError && CODE_STEP_ERRORS.includes(err.code)) {
          setCodeStep(true);
          form.setFieldValue('totpCode', '');
        }
      },
    });
  };

  const backToPassword = () => {
    setCodeStep(false);
    login.reset();
    form.setFieldsValue({ password: '', totpCode: '' });
  };

  // "Please enter the code" is the normal next step, not a failure: the code step says it itself.
  const loginError = login.isError && !(login.error instanceof ApiError && login.error.code === 'AUTH_TOTP_REQUIRED') ? login.error : null;

  return (
    <div className="login-page">
      <div className="login-banner">
        <div className="login-emblem" aria-hidden>
          督
        </div>
        <Typography.Title level={1} className="login-title">
          督办 · 目标任务责任分解督办系统
        </Typography.Title>
        <Typography.Paragraph className="login-subtitle">
          政府工作报告目标任务分解 · 季度进展报送 · 督查督办 · 绩效考核
        </Typography.Paragraph>
      </div>

      <div className="login-body">
        <Card className="login-card" title={codeStep ? '两步验证' : '用户登录'} variant="borderless">
          <Form<LoginForm>
            form={form}
            layout="vertical"
            size="large"
            requiredMark={false}
            onFinish={onFinish}
            onValuesChange={() => login.isError && login.reset()}
          >
            {expired && !login.isError && !codeStep && (
              <Alert type="warning" showIcon message={expired} style={{ marginBottom: 16 }} />
            )}
            {ssoError && !login.isError && !codeStep && <SsoRefusal message={ssoError} />}
            {loginError && (
              <Alert type="error" showIcon message={errorMessage(loginError)} style={{ marginBottom: 16 }} role="alert" />
            )}
            {/* Hidden, not removed, in the code step: the sign-in sends them again with the code. */}
            <Form.Item
              label="用户名"
              name="username"
              hidden={codeStep}
              rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
            >
              <Input prefix={<UserOutlined />} placeholder="请输入用户名" autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item label="密码" name="password" hidden={codeStep} rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined />} placeholder="请输入密码" autoComplete="current-password" />
            </Form.Item>
            {codeStep && <TotpCodeStep username={form.getFieldValue('username') as string} />}
            <Form.Item style={{ marginBottom: codeStep ? 8 : 0 }}>
              <Button type="primary" htmlType="submit" block loading={login.isPending}>
                {codeStep ? '验证并登录' : '登录'}
              </Button>
            </Form.Item>
            {codeStep && (
              <Button type="link" block onClick={backToPassword}>
                返回重新输入账号密码
              </Button>
            )}
          </Form>
          {!codeStep && <PlatformSignInButtons options={ssoOptions} />}
        </Card>

        {demoAccounts.length > 0 && !codeStep && (
          <Suspense fallback={null}>
            <DemoAccounts accounts={demoAccounts} onPick={(a) => form.setFieldsValue({ username: a.username, password: a.password })} />
          </Suspense>
        )}
      </div>

      <div className="login-footer">本系统仅限政务内网使用 · 请妥善保管账号密码，离开时请退出登录</div>
    </div>
  );
}

/** The code step: who is signing in, and one field for the 6-digit code or a recovery code. */
function TotpCodeStep({ username }: { username: string }) {
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
        账号 <Typography.Text strong>{username}</Typography.Text> 已开启两步验证。请打开手机上的身份验证器，输入显示的 6 位动态验证码。
      </Typography.Paragraph>
      <Form.Item
        label="动态验证码"
        name="totpCode"
        extra="手机不在身边或已丢失？可输入一个恢复码代替，每个恢复码只能使用一次。"
        rules={[
          { required: true, whitespace: true, message: '请输入动态验证码' },
          {
            pattern: /^\s*(\d{6}|[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}-?[A-Za-z0-9]{4})\s*$/,
            message: '请输入 6 位数字验证码，或 12 位恢复码',
          },
        ]}
      >
        <Input
          prefix={<SafetyOutlined />}
          placeholder="6 位数字"
          autoComplete="one-time-code"
          maxLength={16}
          autoFocus
        />
      </Form.Item>
    </>
  );
}
