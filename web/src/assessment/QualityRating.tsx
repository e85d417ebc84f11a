import { App, Card, Select, Space, Typography } from 'antd';
import { QUALITY_RATINGS, QUALITY_RATING_LABELS, type QualityRating as Rating } from '../../../core/assessment/scheme';
import { ErrorAlert } from '../layout/ErrorAlert';
import { useQualityRating } from './api';

/**
 * 报告质量评价 on the office's report page: 优/良/中/差 for the year-end assessment. Shown once the
 * report reached the office; clearing it leaves the report unrated (scored as the scheme says).
 */
export function QualityRating({ reportId, state }: { reportId: number; state: string }) {
  const { message } = App.useApp();
  const { query, rate } = useQualityRating(reportId);
  // The page's own state decides (it refreshes after each review); the server refuses the rest anyway.
  if (state !== 'submitted' && state !== 'accepted') return null;
  if (!query.data) return null;
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="quality-rating">
      {rate.error && <ErrorAlert error={rate.error} />}
      <Space wrap>
        <Typography.Text strong>报告质量评价</Typography.Text>
        <Select<Rating | null>
          aria-label="报告质量评价"
          style={{ width: 120 }}
          placeholder="未评价"
          allowClear
          loading={rate.isPending}
          value={query.data.rating}
          options={QUALITY_RATINGS.map((r) => ({ value: r, label: QUALITY_RATING_LABELS[r] }))}
          onChange={(v) =>
            rate.mutate({ rating: v ?? null, loadedRating: query.data.rating }, {
              onSuccess: (saved) => void message.success(saved.ratingLabel ? `已评价为“${saved.ratingLabel}”` : '已清除质量评价'),
            })
          }
        />
        <Typography.Text type="secondary">用于年度绩效考核的报告质量得分；未评价的按考核方案默认等次计分。</Typography.Text>
      </Space>
    </Card>
  );
}
