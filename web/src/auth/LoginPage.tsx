import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { errorMessage } from '../api/client';
import { homeFor } from '../roles';
import { useDemoAccounts } from './demo-accounts';
import { signedOutBecause, useLogin, useSession } from './session';

// The demo list needs antd's Table, a large chunk a production sign-in page never uses: load it apart.
const DemoAccounts = lazy(() => import('./DemoAccounts'));

interface LoginForm {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { me } = useSession();
  const login = useLogin();
  const navigate = useNavigate();
  const [form] = Form.useForm<LoginForm>();
  const demoAccounts = useDemoAccounts();
  const [expired] = useState(signedOutBecause);

  if (me) return <Navigate to={homeFor(me.role, me.home)} replace />;

  const onFinish = (values: LoginForm) => {
    login.mutate(values, {
      onSuccess: (user) => navigate(homeFor(user.role, user.home), { replace: true }),
    });
  };

  return (
    <div className="login-page">
      <div className="login-banner">
        <div className="login-emblem" aria-hidden>
          督
        </div>
        <Typography.Title level={2} className="login-title">
          督办 · 目标任务责任分解督办系统
        </Typography.Title>
        <Typography.Paragraph className="login-subtitle">
          政府工作报告目标任务分解 · 季度进展报送 · 督查督办 · 绩效考核
        </Typography.Paragraph>
      </div>

      <div className="login-body">
        <Card className="login-card" title="用户登录" variant="borderless">
          <Form<LoginForm>
            form={form}
            layout="vertical"
            size="large"
            requiredMark={false}
            onFinish={onFinish}
            onValuesChange={() => login.isError && login.reset()}
          >
            {expired && !login.isError && (
              <Alert type="warning" showIcon message={expired} style={{ marginBottom: 16 }} />
            )}
            {login.isError && (
              <Alert
                type="error"
                showIcon
                message={errorMessage(login.error)}
                style={{ marginBottom: 16 }}
                role="alert"
              />
            )}
            <Form.Item
              label="用户名"
              name="username"
              rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
            >
              <Input prefix={<UserOutlined />} placeholder="请输入用户名" autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined />} placeholder="请输入密码" autoComplete="current-password" />
            </Form.Item>
            <Form.Item style={{ marginBottom: 0 }}>
              <Button type="primary" htmlType="submit" block loading={login.isPending}>
                登录
              </Button>
            </Form.Item>
          </Form>
        </Card>

        {demoAccounts.length > 0 && (
          <Suspense fallback={null}>
            <DemoAccounts accounts={demoAccounts} onPick={(a) => form.setFieldsValue({ username: a.username, password: a.password })} />
          </Suspense>
        )}
      </div>

      <div className="login-footer">本系统仅限政务内网使用 · 请妥善保管账号密码，离开时请退出登录</div>
    </div>
  );
}
