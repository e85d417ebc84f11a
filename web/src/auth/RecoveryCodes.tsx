import { Alert, Button, Typography } from 'antd';

/** The ten recovery codes, shown once right after two-step verification is turned on. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <>
      <Alert type="success" showIcon style={{ marginBottom: 12 }} message="两步验证已开启，下次登录时需要输入动态验证码。" />
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message="请立即保存以下恢复码，此后将无法再次查看"
        description="手机丢失或无法使用验证器时，可在登录时输入任一恢复码代替动态验证码，每个恢复码只能使用一次。请抄写或打印后妥善保管，不要发送给他人。"
      />
      <div className="recovery-codes" data-testid="recovery-codes" style={{ display: 'grid', gridTemplateColumns: 'repeat(2, max-content)', gap: '8px 48px', padding: '12px 24px', background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, marginBottom: 12 }}>
        {codes.map((c, i) => (
          <Typography.Text key={c} code style={{ fontSize: 15, letterSpacing: 1 }}>
            {String(i + 1).padStart(2, '0')}. {c}
          </Typography.Text>
        ))}
      </div>
      {/* antd's copy falls back to execCommand, so it also works on an intranet address without HTTPS. */}
      <Typography.Paragraph copyable={{ text: codes.join('\n'), tooltips: ['复制全部恢复码', '已复制'] }} style={{ marginBottom: 16 }}>
        复制全部恢复码
      </Typography.Paragraph>
      <Button type="primary" onClick={onDone}>
        我已妥善保存恢复码
      </Button>
    </>
  );
}
