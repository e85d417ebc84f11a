import { Col, Grid, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { actionColor } from './labels';
import type { AuditLine } from './api';

type Entry = AuditLine['entries'][number];
const time = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss');

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">（无）</Typography.Text>;
  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
}

function EntryDetail({ entry }: { entry: Entry }) {
  return (
    <Row gutter={[16, 8]}>
      <Col xs={24} md={12}>
        <Typography.Text strong>变更前</Typography.Text>
        <Json value={entry.before} />
      </Col>
      <Col xs={24} md={12}>
        <Typography.Text strong>变更后</Typography.Text>
        <Json value={entry.after} />
      </Col>
      <Col span={24}>
        <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
          记录编号 {entry.id} · 记录哈希：<code>{entry.hash}</code>
        </Typography.Text>
      </Col>
    </Row>
  );
}

/** What one autosave wrote, in a few words: the item's status and the start of its text. */
function savedText(entry: Entry): string {
  const after = (entry.after ?? {}) as { narrative?: unknown };
  return typeof after.narrative === 'string' && after.narrative.trim() ? after.narrative.trim().slice(0, 40) : '（进展情况为空）';
}

/** The individual writes of a 编辑进展 line: every one the chain recorded, each openable. */
function GroupEntries({ line, wide }: { line: AuditLine; wide: boolean }) {
  return (
    <Table<Entry>
      rowKey="id"
      size="small"
      pagination={false}
      data-testid="audit-group-entries"
      dataSource={line.entries}
      expandable={{ expandedRowRender: (e) => <EntryDetail entry={e} /> }}
      columns={
        wide
          ? [
              { title: '记录编号', dataIndex: 'id', width: 90 },
              { title: '保存时间（系统时间）', dataIndex: 'at', width: 170, render: time },
              { title: '保存的进展情况', render: (_: unknown, e: Entry) => savedText(e) },
            ]
          : [
              {
                title: '每次保存',
                render: (_: unknown, e: Entry) => (
                  <span>
                    <Typography.Text type="secondary">
                      {e.id} · {time(e.at)}
                    </Typography.Text>
                    <br />
                    {savedText(e)}
                  </span>
                ),
              },
            ]
      }
    />
  );
}

function Actor({ actor }: { actor: AuditLine['actor'] }) {
  const hover =
    actor.userId !== null
      ? `用户编号 ${actor.userId}${actor.username ? ` · 账号 ${actor.username}` : ''}${actor.recordedName !== actor.name ? ` · 记录时姓名 ${actor.recordedName}` : ''}`
      : actor.roleLabel
        ? // A name typed at sign-in that belongs to no account: the server marks it (core/audit/typed-name.ts).
          '登录时输入的用户名，系统中没有此账号；按输入原样记录，不可见字符写作 [U+编码]'
        : '系统操作（命令行、定时任务或演示数据），无登录账号';
  return (
    <Tooltip title={hover}>
      <span title={hover}>
        {actor.name}
        <Tag style={{ marginInlineStart: 6 }}>{actor.roleLabel ?? '系统'}</Tag>
      </span>
    </Tooltip>
  );
}

function Action({ line }: { line: AuditLine }) {
  return (
    <Tooltip title={`操作代码 ${line.action}`}>
      <span title={`操作代码 ${line.action}`}>
        <Tag color={actionColor(line.action)}>{line.actionLabel}</Tag>
        {line.grouped && (
          <Typography.Text type="secondary" data-testid="audit-group-count">
            {line.count} 次自动保存 · {dayjs(line.firstAt).format('HH:mm')}–{dayjs(line.at).format('HH:mm')}
          </Typography.Text>
        )}
      </span>
    </Tooltip>
  );
}

function ObjectCell({ line }: { line: AuditLine }) {
  if (line.entityId === null) return <span>{line.entityLabel}</span>;
  const hover = `${line.entityLabel}编号 ${line.entityId}`;
  return (
    <Tooltip title={hover}>
      <span title={hover}>
        <Typography.Text type="secondary">{line.entityLabel}：</Typography.Text>
        {line.objectName ?? <Typography.Text type="secondary">（名称不可查）</Typography.Text>}
      </span>
    </Tooltip>
  );
}

const WIDE_COLUMNS = [
  { title: '操作时间（系统时间）', dataIndex: 'at', width: 170, render: time },
  { title: '操作人', width: 220, render: (_: unknown, l: AuditLine) => <Actor actor={l.actor} /> },
  { title: '操作', width: 260, render: (_: unknown, l: AuditLine) => <Action line={l} /> },
  { title: '对象', render: (_: unknown, l: AuditLine) => <ObjectCell line={l} /> },
];

// On a phone the four columns would scroll sideways past the names: one cell holds them, stacked.
const NARROW_COLUMNS = [
  {
    title: '操作记录',
    render: (_: unknown, l: AuditLine) => (
      <Space direction="vertical" size={2}>
        <Typography.Text type="secondary">{time(l.at)}</Typography.Text>
        <Actor actor={l.actor} />
        <Action line={l} />
        <ObjectCell line={l} />
      </Space>
    ),
  },
];

export function AuditLinesTable({ lines, loading }: { lines: AuditLine[]; loading: boolean }) {
  const wide = Grid.useBreakpoint().md !== false;
  return (
    <Table<AuditLine>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={lines}
      pagination={false}
      scroll={wide ? { x: 860 } : undefined}
      data-testid="audit-lines"
      locale={{ emptyText: '没有符合条件的记录' }}
      expandable={{
        expandedRowRender: (line) => (line.grouped ? <GroupEntries line={line} wide={wide} /> : <EntryDetail entry={line.entries[0]!} />),
      }}
      columns={wide ? WIDE_COLUMNS : NARROW_COLUMNS}
    />
  );
}
