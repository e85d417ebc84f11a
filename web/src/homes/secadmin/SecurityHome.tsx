import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Empty, Skeleton, Tag } from 'antd';
import { api } from '../../api/client';
import type { SecuritySettings } from '../../api/types';
import { useSession } from '../../auth/session';
import { AccountRequestsCard } from '../../admin/AccountRequestsCard';
import { TotpResetCard } from '../../auth/TotpResetCard';
import { PageHeader } from '../../layout/PageHeader';
import { QueryError } from '../../layout/QueryError';

// Chinese labels for the settings we know; anything the server adds later still shows, under its key.
const LABELS: Record<string, { label: string; unit?: string }> = {
  sessionIdleMinutes: { label: '会话空闲超时', unit: '分钟' },
  sessionMaxHours: { label: '会话最长有效期', unit: '小时' },
  passwordMinLength: { label: '密码最小长度', unit: '位' },
  passwordRequireClasses: { label: '密码须包含的字符类别数', unit: '类' },
  passwordMaxAgeDays: { label: '密码有效期', unit: '天' },
  passwordHistory: { label: '不得重复使用的最近密码数（含当前密码）', unit: '个' },
  loginMaxAttempts: { label: '登录失败锁定阈值', unit: '次' },
  maxFailedLogins: { label: '登录失败锁定阈值', unit: '次' },
  lockoutMinutes: { label: '账号锁定时长', unit: '分钟' },
  loginRateLimitPerMinute: { label: '每分钟登录尝试上限', unit: '次' },
  loginRateLimitPerWindow: { label: '同一地址登录尝试上限（每个时间窗口）', unit: '次' },
  uploadRateLimitPerWindow: { label: '同一地址上传次数上限（每个时间窗口）', unit: '次' },
  rateLimitWindowSeconds: { label: '频率限制时间窗口', unit: '秒' },
  mustChangeInitialPassword: { label: '首次登录强制修改密码' },
  auditRetentionDays: { label: '审计日志保存期限', unit: '天' },
  uploadMaxMegabytes: { label: '上传文件大小上限', unit: 'MB' },
  csrfProtection: { label: '跨站请求伪造（CSRF）防护' },
  cookieSecure: { label: '仅通过 HTTPS 发送会话 Cookie' },
  passwordPolicy: { label: '密码策略' },
  demo: { label: '演示模式（演示账号与示例数据）' },
};

function formatValue(value: unknown, unit?: string) {
  if (typeof value === 'boolean') return value ? <Tag color="green">已启用</Tag> : <Tag>未启用</Tag>;
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map((v) => <Tag key={String(v)}>{String(v)}</Tag>);
  if (typeof value === 'object') return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
  return `${String(value)}${unit ? ` ${unit}` : ''}`;
}

export default function SecurityHome() {
  const { me } = useSession();
  const { data, isPending, error, refetch } = useQuery({
    queryKey: ['security', 'settings'],
    queryFn: async () => (await api.get<{ settings: SecuritySettings }>('/api/security/settings')).settings,
  });
  const entries = Object.entries(data ?? {});

  return (
    <>
      <PageHeader title="安全设置" subtitle={`${me?.displayName ?? ''}（${me?.roleLabel ?? '安全管理员'}）`} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="三员分立：安全管理员负责安全策略和账号变更的审批，不能自行新建或修改账号，也不能查看审计日志。"
        description="以下为当前生效的安全策略（只读）。策略由部署配置确定，调整需按变更流程修改配置并重启服务。"
      />
      <AccountRequestsCard canDecide />
      <Card
        style={{ marginTop: 16 }}
        title={
          <span>
            <SafetyCertificateOutlined style={{ marginRight: 8 }} />
            当前安全策略
          </span>
        }
      >
        {error && <QueryError error={error} onRetry={() => void refetch()} />}
        {isPending && !error ? (
          <Skeleton active />
        ) : entries.length === 0 ? (
          <Empty description="暂无安全策略数据" />
        ) : (
          <Descriptions
            bordered
            column={1}
            size="middle"
            styles={{ label: { width: 280 } }}
            items={entries.map(([key, value]) => ({
              key,
              label: LABELS[key]?.label ?? key,
              children: formatValue(value, LABELS[key]?.unit),
            }))}
          />
        )}
      </Card>
      <TotpResetCard />
    </>
  );
}
