import { Alert, Badge, Button, Card, Col, Popconfirm, Row, Space, Statistic, Switch, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { annexRows, confirmAsIs, countPreview, isPending, type Corrections } from './corrections';
import { CorrectionModal } from './CorrectionModal';
import { DocumentFactsForm, factsMissing, type DocumentFacts } from './DocumentFactsForm';
import { ANNEX_KIND_LABELS } from './labels';
import { LayoutNote } from './LayoutNote';
import { newNamesInUse, settledBy, uncertainCells, undecided, type NameChoice, type NameChoices } from './name-choices';
import { NewNamesCard } from './NewNamesCard';
import { NoticeFacts } from './NoticeFacts';
import { PreviewTable } from './PreviewTable';
import type { NoticePreview, TaskCorrection, TaskRow } from './types';
import { UnreadPanel } from './UnreadPanel';

interface Props {
  preview: NoticePreview;
  corrections: Corrections;
  onCorrect: (c: TaskCorrection) => void;
  facts: DocumentFacts;
  onFacts: (facts: DocumentFacts) => void;
  choices: NameChoices;
  onChoose: (kind: keyof NameChoices, name: string, choice: NameChoice | null) => void;
  busy: boolean;
  onImport: () => void;
  onReset: () => void;
}

function Legend() {
  const item = (label: string, color: string, border?: string) => (
    <span key={label}>
      <span
        className="import-legend"
        style={{ background: color, boxShadow: border ? `inset 3px 0 0 ${border}` : undefined }}
      />
      {label}
    </span>
  );
  return (
    <Typography.Text type="secondary">
      <Space size="middle">
        {item('待确认', '#fff1e0', '#fa8c16')}
        {item('系统已修复', '#fffbe6')}
        {item('已更正/已确认', '#f6ffed', '#52c41a')}
      </Space>
    </Typography.Text>
  );
}

/**
 * The one line a clerk reads first: 读出 N 项任务，M 处需要确认，K 个新单位 — what is left to do, in
 * her words; the details follow below.
 */
function SummaryLine({ tasks, cells, newUnits, newLeaders, factsToFill }: { tasks: number; cells: number; newUnits: number; newLeaders: number; factsToFill: number }) {
  const parts = [
    `读出 ${tasks} 项任务`,
    cells > 0 ? `${cells} 处需要确认` : '没有需要确认的内容',
    ...(newUnits > 0 ? [`${newUnits} 个新单位`] : []),
    ...(newLeaders > 0 ? [`${newLeaders} 位新领导`] : []),
    ...(factsToFill > 0 ? [`${factsToFill} 项通知信息待补充`] : []),
  ];
  const done = cells === 0 && newUnits === 0 && newLeaders === 0 && factsToFill === 0;
  return (
    <Alert
      role="status"
      className="preview-summary"
      type={done ? 'success' : 'info'}
      showIcon
      message={<span className="preview-summary-text">{parts.join('，')}</span>}
      description={done ? '可以确认导入了。' : '请逐项处理下方标出的内容，处理完后点“确认导入”。'}
    />
  );
}

/** A new notice: what the parser made of it, annex by annex, with the office's corrections. */
export function PreviewView({ preview, corrections, onCorrect, facts, onFacts, choices, onChoose, busy, onImport, onReset }: Props) {
  const { parsed } = preview;
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const [editing, setEditing] = useState<TaskRow | null>(null);
  const settled = useMemo(() => settledBy(choices), [choices]);
  const counts = countPreview(parsed, corrections, settled);
  const rows = parsed.annexes.flatMap((a) => annexRows(a, corrections, settled));
  const cells = rows.filter(isPending).reduce((n, r) => n + Math.max(1, uncertainCells(r.task, choices).size), 0);
  const inUse = useMemo(() => newNamesInUse(preview, corrections), [preview, corrections]);
  const open = undecided(inUse, choices);
  const unfilled = factsMissing(preview, facts);

  const stat = (title: string, value: number, color?: string, suffix?: string) => (
    <Col xs={12} md={6}>
      <Card size="small">
        <Statistic title={title} value={value} suffix={suffix} valueStyle={color ? { color } : undefined} />
      </Card>
    </Col>
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <SummaryLine tasks={counts.tasks} cells={cells} newUnits={open.units} newLeaders={open.leaders} factsToFill={unfilled.length} />
      {(parsed.stats.recognisedTasks ?? 0) > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="recognised-scan"
          message={`这份通知是扫描件，文字由系统识别，可能有错字：${parsed.stats.recognisedTasks} 项任务的每个单元格都已标出`}
          description="请对照纸质原件或扫描图片逐项核对单位、领导、时限和数字，确认无误后再导入。"
        />
      )}
      <DocumentFactsForm preview={preview} facts={facts} onChange={onFacts} />
      <NewNamesCard names={inUse} choices={choices} onChoose={onChoose} />
      <NoticeFacts preview={preview} facts={facts} />
      <Row gutter={16}>
        {stat('附件数', counts.annexes, undefined, '个')}
        {stat('任务数', counts.tasks, undefined, '项')}
        {stat('修复数', counts.repairs, '#d48806', '处')}
        {stat(
          `待确认数（共 ${counts.uncertain} 项，已处理 ${counts.uncertain - counts.pending} 项）`,
          counts.pending,
          counts.pending > 0 ? '#d46b08' : '#237804',
          '项',
        )}
      </Row>
      <Card
        size="small"
        title="解析结果（按原文顺序）"
        extra={
          <Space size="large">
            <Legend />
            <Space>
              <Switch checked={onlyFlagged} onChange={setOnlyFlagged} aria-label="只看需确认的" />
              <span>只看需确认的</span>
            </Space>
          </Space>
        }
      >
        <Tabs
          items={parsed.annexes.map((a) => {
            const pending = annexRows(a, corrections, settled).filter(isPending).length;
            return {
              key: String(a.no),
              label: (
                <Badge count={pending} size="small" offset={[8, -2]} color="#fa8c16" title={`${pending} 项待确认`}>
                  <span>
                    附件{a.no} {ANNEX_KIND_LABELS[a.kind]}（{a.tasks.length}）
                  </span>
                </Badge>
              ),
              children: (
                <>
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                    {a.title}
                  </Typography.Paragraph>
                  <div style={{ marginBottom: 8 }}>
                    <LayoutNote annex={a} />
                  </div>
                  <PreviewTable
                    annex={a}
                    corrections={corrections}
                    choices={choices}
                    settled={settled}
                    onlyFlagged={onlyFlagged}
                    onEdit={setEditing}
                    onConfirm={(row) => onCorrect(confirmAsIs(row))}
                  />
                </>
              ),
            };
          })}
        />
      </Card>
      <UnreadPanel unread={parsed.unread} />
      {unfilled.length > 0 && (
        <Alert type="warning" showIcon message={`导入前请先在“补充通知信息”中填写：${unfilled.join('、')}`} />
      )}
      <Space wrap>
        <Popconfirm
          title="确认导入"
          description={
            <div style={{ maxWidth: 360 }}>
              将导入 {counts.annexes} 个附件、{counts.tasks} 项任务（系统修复 {counts.repairs} 处，人工更正/确认{' '}
              {counts.corrected} 项）。
              {counts.pending > 0 && (
                <div>
                  <Typography.Text type="warning">
                    仍有 {counts.pending} 项待确认，建议先逐项核对；也可按系统解析结果直接导入。
                  </Typography.Text>
                </div>
              )}
              {open.units + open.leaders > 0 && (
                <div>
                  <Typography.Text type="warning">
                    还有 {open.units + open.leaders} 个名录中没有的单位或领导未处理，导入时将按新单位、新领导建立。
                  </Typography.Text>
                </div>
              )}
            </div>
          }
          okText="导入"
          cancelText="取消"
          onConfirm={onImport}
        >
          <Button type="primary" size="large" loading={busy} disabled={unfilled.length > 0}>
            确认导入
          </Button>
        </Popconfirm>
        <Button size="large" onClick={onReset} disabled={busy}>
          重新选择文件
        </Button>
      </Space>
      <CorrectionModal
        row={editing}
        parsed={parsed}
        onClose={() => setEditing(null)}
        onSave={(c) => {
          onCorrect(c);
          setEditing(null);
        }}
      />
    </Space>
  );
}
