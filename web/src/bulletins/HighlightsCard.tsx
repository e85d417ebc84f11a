import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Form, Typography } from 'antd';
import type { HighlightCandidate } from './api';
import { HighlightList } from './HighlightList';

/**
 * 工作亮点: pick report entries to cite, then rewrite the text with them. The picks are saved with
 * the bulletin either way; only 重新生成 writes them into the text.
 */
export function HighlightsCard({
  candidates,
  onRegenerate,
  busy,
}: {
  candidates: HighlightCandidate[];
  onRegenerate: () => void;
  busy: boolean;
}) {
  const picked: number[] | undefined = Form.useWatch('highlightProgressIds');
  return (
    <Card
      size="small"
      title="工作亮点"
      extra={
        <Typography.Text type="secondary">
          已选 {picked?.length ?? 0} 项 / 可选 {candidates.length} 项
        </Typography.Text>
      }
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        勾选各单位报告中值得推广的做法或成效，点击“按所选亮点重新生成正文”写入通报“工作亮点”部分。
      </Typography.Paragraph>
      <Form.Item name="highlightProgressIds" noStyle>
        <HighlightList candidates={candidates} />
      </Form.Item>
      <Button icon={<ReloadOutlined />} onClick={onRegenerate} loading={busy} style={{ marginTop: 12 }}>
        按所选亮点重新生成正文
      </Button>
    </Card>
  );
}
