import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  EditOutlined,
  LoadingOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { SaveState } from './useAutosave';

/** The per-entry save indicator: 保存中… / 已自动保存 HH:mm / 保存失败. */
export function SaveStatus({
  state,
  savedAt,
  error,
  onRetry,
}: {
  state: SaveState;
  savedAt: Date | null;
  error: string | null;
  onRetry: () => void;
}) {
  switch (state) {
    case 'saving':
      return (
        <Typography.Text type="secondary" data-save-state="saving">
          <LoadingOutlined /> 保存中…
        </Typography.Text>
      );
    case 'saved':
      return (
        <Typography.Text type="success" data-save-state="saved">
          <CheckCircleOutlined /> 已自动保存 {savedAt ? dayjs(savedAt).format('HH:mm') : ''}
        </Typography.Text>
      );
    case 'dirty':
      return (
        <Typography.Text type="secondary" data-save-state="dirty">
          <EditOutlined /> 有未保存的修改
        </Typography.Text>
      );
    case 'error':
      return (
        <Space size={4} data-save-state="error">
          <Typography.Text type="danger" ellipsis={{ tooltip: error }} style={{ maxWidth: 480 }}>
            <CloseCircleOutlined /> 保存失败：{error}
          </Typography.Text>
          <Button size="small" type="link" onClick={onRetry}>
            重试
          </Button>
        </Space>
      );
    case 'conflict':
      return (
        <Typography.Text type="warning" data-save-state="conflict">
          <WarningOutlined /> 与他人修改冲突，待处理
        </Typography.Text>
      );
    default:
      return null;
  }
}
