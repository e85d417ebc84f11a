import { Tag } from 'antd';
import type { BulletinSummary } from './api';

/** 草稿 in the office's working colour, 已发布 as done. */
export function BulletinStatusTag({ b }: { b: Pick<BulletinSummary, 'status' | 'statusLabel'> }) {
  return <Tag color={b.status === 'published' ? 'success' : 'gold'}>{b.statusLabel}</Tag>;
}
