import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Collapse,
  Empty,
  List,
  Popconfirm,
  Result,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { DIFF_FIELD_LABELS, showValue } from './labels';
import { NoticeFacts } from './NoticeFacts';
import type { DiffField, NoticeDiff, NoticePreview } from './types';

interface Props {
  preview: NoticePreview;
  diff: NoticeDiff;
  busy: boolean;
  onApply: (accept: string[]) => void;
  onReset: () => void;
}

interface Item {
  key: string;
  title: string;
  body: ReactNode;
}

function Section(props: {
  title: string;
  color: string;
  items: Item[];
  selected: Set<string>;
  toggle: (key: string, on: boolean) => void;
  note?: string;
}) {
  const { title, color, items, selected, toggle, note } = props;
  const all = items.length > 0 && items.every((i) => selected.has(i.key));
  return (
    <Card
      size="small"
      data-testid={`diff-${title}`}
      title={
        <Space>
          <Tag color={color}>{title}</Tag>
          <span>{items.length} 项</span>
        </Space>
      }
      extra={
        items.length > 0 && (
          <Checkbox checked={all} onChange={(e) => items.forEach((i) => toggle(i.key, e.target.checked))}>
            全选
          </Checkbox>
        )
      }
    >
      {note && items.length > 0 && <Typography.Paragraph type="secondary">{note}</Typography.Paragraph>}
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`无${title}事项`} /> }}
        renderItem={(i) => (
          <List.Item key={i.key}>
            <Checkbox
              checked={selected.has(i.key)}
              onChange={(e) => toggle(i.key, e.target.checked)}
              className="diff-item"
            >
              <Typography.Text strong>{i.title}</Typography.Text>
              <div>{i.body}</div>
            </Checkbox>
          </List.Item>
        )}
      />
    </Card>
  );
}

function annexSeq(annexNo: number, seq: string): string {
  return `附件${annexNo} ${seq}`;
}

/**
 * A notice already imported, uploaded again (a corrected or adjusted version): show what changed
 * and let the office pick which differences to apply. Tasks keep their identity, so reports filed
 * against them stay.
 */
export function DiffView({ preview, diff, busy, onApply, onReset }: Props) {
  const items = useMemo(() => {
    const added: Item[] = diff.added.map((a) => ({ key: a.key, title: annexSeq(a.annexNo, a.seq), body: a.standard }));
    const removed: Item[] = diff.removed.map((r) => ({
      key: r.key,
      title: annexSeq(r.annexNo, r.seq),
      body: r.standard,
    }));
    const changed: Item[] = diff.changed.map((c) => ({
      key: c.key,
      title: annexSeq(c.annexNo, c.seq),
      body: (
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
          {(Object.entries(c.fields) as [DiffField, { before: unknown; after: unknown }][]).map(([f, v]) => (
            <li key={f}>
              {DIFF_FIELD_LABELS[f] ?? f}：<span className="diff-before">{showValue(v.before)}</span> →{' '}
              <span className="diff-after">{showValue(v.after)}</span>
            </li>
          ))}
        </ul>
      ),
    }));
    return { added, removed, changed };
  }, [diff]);

  const [selected, setSelected] = useState<Set<string>>(
    () => new Set([...items.added, ...items.changed, ...items.removed].map((i) => i.key)),
  );
  const toggle = (key: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  const total = items.added.length + items.changed.length + items.removed.length;
  const docNumber = preview.parsed.document.docNumber ?? '';

  if (total === 0) {
    return (
      <Result
        status="success"
        title="与已导入的通知完全一致"
        subTitle={`${docNumber} 已导入，本次上传的文件与台账中的 ${diff.unchanged} 项事项没有差异，无需更新。`}
        extra={<Button onClick={onReset}>重新选择文件</Button>}
      />
    );
  }

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        message={`差异对比：${docNumber} 已导入，本次上传的是它的新版本`}
        description={
          <>
            与台账相比：新增 {items.added.length} 项、变更 {items.changed.length} 项、删除 {items.removed.length} 项，
            {diff.unchanged} 项未变。请勾选要应用的差异。
            <br />
            已填报的进展不会丢失：变更的事项仍是台账中的同一事项，各单位已报送的进展保留在该事项上；删除的事项只有勾选后才会删除。
          </>
        }
      />
      <Collapse
        size="small"
        items={[
          { key: 'facts', label: `本次上传的文件：${preview.file.name}`, children: <NoticeFacts preview={preview} /> },
        ]}
      />
      <Row gutter={16}>
        <Col xs={24} xl={8}>
          <Section title="新增" color="green" items={items.added} selected={selected} toggle={toggle} />
        </Col>
        <Col xs={24} xl={8}>
          <Section title="变更" color="blue" items={items.changed} selected={selected} toggle={toggle} />
        </Col>
        <Col xs={24} xl={8}>
          <Section
            title="删除"
            color="red"
            items={items.removed}
            selected={selected}
            toggle={toggle}
            note="新版本中已没有这些事项。勾选后将从台账中删除，请与原文核对后再勾选。"
          />
        </Col>
      </Row>
      <Space>
        <Popconfirm
          title="应用所选差异"
          description={`将应用 ${selected.size} 项差异（共 ${total} 项），确定吗？`}
          okText="应用"
          cancelText="取消"
          onConfirm={() => onApply([...selected])}
          disabled={selected.size === 0}
        >
          <Button type="primary" loading={busy} disabled={selected.size === 0}>
            应用所选差异（{selected.size}）
          </Button>
        </Popconfirm>
        <Button onClick={onReset} disabled={busy}>
          重新选择文件
        </Button>
      </Space>
    </Space>
  );
}
