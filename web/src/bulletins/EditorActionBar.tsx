import { DeleteOutlined, DownloadOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Typography } from 'antd';
import type { MouseEvent } from 'react';
import { ActionBar } from '../layout/ActionBar';

interface Props {
  dirty: boolean;
  version: number;
  docxHref: string;
  busy: { save: boolean; publish: boolean; remove: boolean };
  onSave: () => void;
  onDownload: (e: MouseEvent) => void;
  onPublish: () => void;
  onDelete: () => void;
}

/** The editor's buttons, kept at the bottom of the screen while the clerk scrolls the long text. */
export function EditorActionBar({ dirty, version, docxHref, busy, onSave, onDownload, onPublish, onDelete }: Props) {
  return (
    <ActionBar
      testId="bulletin-actions"
      note={
        dirty ? (
          <Typography.Text type="warning" data-testid="save-state">
            有未保存的修改
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary" data-testid="save-state">
            已保存（第 {version} 版）
          </Typography.Text>
        )
      }
    >
      <Popconfirm
        title="删除此草稿？"
        description="删除后不可恢复。"
        okText="删除"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        onConfirm={onDelete}
      >
        <Button danger icon={<DeleteOutlined />} loading={busy.remove}>
          删除草稿
        </Button>
      </Popconfirm>
      {/* A plain link to the saved document; with unsaved changes the page saves first (onDownload). */}
      <Button icon={<DownloadOutlined />} href={docxHref} onClick={onDownload}>
        下载 Word
      </Button>
      <Button icon={<SaveOutlined />} onClick={onSave} loading={busy.save}>
        保存
      </Button>
      <Popconfirm
        title="发布本通报？"
        description={
          <>
            发布后各单位和区领导可见，且不能再修改。
            {dirty && <br />}
            {dirty && '未保存的修改将先保存再发布。'}
          </>
        }
        okText="发布"
        cancelText="取消"
        onConfirm={onPublish}
      >
        <Button type="primary" icon={<SendOutlined />} loading={busy.publish}>
          发布
        </Button>
      </Popconfirm>
    </ActionBar>
  );
}
