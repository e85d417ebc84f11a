import { CheckCircleOutlined } from '@ant-design/icons';
import { Button, Card, Result, Typography } from 'antd';
import { useVerifyAudit } from './api';
import { errorMessage } from '../api/client';

/** Re-computes the hash chain on the server and says whether any entry was altered or removed. */
export function VerifyChainCard() {
  const verify = useVerifyAudit();
  const r = verify.data;

  return (
    <Card
      title="审计链校验"
      style={{ marginBottom: 16 }}
      extra={
        <Button
          type="primary"
          icon={<CheckCircleOutlined />}
          loading={verify.isPending}
          onClick={() => verify.mutate()}
        >
          校验审计链
        </Button>
      }
    >
      {verify.isError ? (
        <Result status="warning" title="校验请求失败" subTitle={errorMessage(verify.error)} />
      ) : r ? (
        r.ok ? (
          <Result status="success" title="审计链完整" subTitle={`已校验 ${r.checked} 条记录，未发现篡改或缺失。`} />
        ) : (
          <Result
            status="error"
            title="审计链校验未通过"
            subTitle={`已校验 ${r.checked} 条记录；第一条异常记录编号：${r.firstBrokenId ?? '未知'}${r.reason ? `；原因：${r.reason}` : ''}`}
          />
        )
      ) : (
        <Typography.Text type="secondary">
          点击“校验审计链”，逐条重新计算哈希，确认审计记录未被篡改、删除或插入。
        </Typography.Text>
      )}
    </Card>
  );
}
