import { FormOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { TextModal } from '../../collaboration/TextModal';
import type { Dashboard } from '../../dashboard/api';
import { LightTag } from '../../dashboard/LightTag';
import { useWriteInstruction } from '../../ledger/api';
import { taskRef } from '../../ledger/TaskTags';
import { useIsPhone } from '../../layout/useIsPhone';

type Focus = Dashboard['focusTasks'][number];

const ymd = (iso: string) => `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

function Units({ units }: { units: Focus['units'] }) {
  const lead = units.filter((u) => u.role === 'lead').map((u) => u.name);
  const co = units.filter((u) => u.role === 'co').map((u) => u.name);
  return (
    <span>
      牵头：{lead.join('、') || '—'}
      {co.length > 0 && `；配合：${co.join('、')}`}
    </span>
  );
}

const lastReportText = (r: Focus['lastReport']) =>
  r ? `${ymd(r.on)}（${r.unitName}，${r.periodLabel}${r.status ? `，进展：${r.status}` : ''}）` : '尚无单位报送';

/** How many cards a phone shows before 显示更多: a screen and a half of reading, not eight thousand pixels. */
const PHONE_FIRST = 5;

/**
 * One red or yellow task on a phone: the task's text first (a link: one tap opens the task), why the
 * light is what it is, the units, the last report, and 批示 / 查看事项 as buttons a thumb can hit.
 */
function FocusTaskPhoneCard({ t, onInstruct }: { t: Focus; onInstruct: () => void }) {
  const navigate = useNavigate();
  return (
    <article
      className={`focus-card focus-card-${t.light}`}
      data-testid="focus-task"
      aria-label={`${t.light === 'red' ? '红灯' : '黄灯'}事项 ${taskRef(t)}`}
    >
      <Link to={`/tasks/${t.taskId}`} className="focus-card-text">
        {t.standard}
      </Link>
      <Space size={8} align="center" style={{ marginBottom: 4 }} wrap>
        <LightTag light={t.light} reasons={[]} />
        <Typography.Text type="secondary">{taskRef(t)}</Typography.Text>
      </Space>
      <ul className="focus-reasons" aria-label="亮灯原因">
        {t.reasons.map((r) => (
          <li key={r}>
            <Typography.Text type={t.light === 'red' ? 'danger' : 'warning'}>{r}</Typography.Text>
          </li>
        ))}
      </ul>
      <div className="focus-card-meta">
        <Units units={t.units} />
      </div>
      <div className="focus-card-meta">最近报送：{lastReportText(t.lastReport)}</div>
      <div className="focus-card-actions">
        <Button
          size="large"
          type="primary"
          icon={<FormOutlined />}
          aria-label={`批示：${taskRef(t)}`}
          onClick={onInstruct}
        >
          批示
        </Button>
        <Button size="large" onClick={() => navigate(`/tasks/${t.taskId}`)} aria-label={`查看事项：${taskRef(t)}`}>
          查看事项 <RightOutlined aria-hidden />
        </Button>
      </div>
    </article>
  );
}

/**
 * 我的红黄灯事项: the leader's own red and yellow tasks, most behind first, each with its whole text
 * (wrapping), why the light is what it is (the light explains itself), its units, when a unit last
 * reported on it, and 批示 in one tap (the instruction goes to the task's units).
 */
export function FocusTasksCard({ tasks }: { tasks: Focus[] }) {
  const [instructing, setInstructing] = useState<Focus | null>(null);
  const instruct = useWriteInstruction();
  const { message } = App.useApp();
  const red = tasks.filter((t) => t.light === 'red').length;
  const phone = useIsPhone();
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? tasks : tasks.slice(0, PHONE_FIRST);
  return (
    <Card size="small" title="我分管的红黄灯事项" style={{ marginBottom: 16 }} data-testid="focus-tasks">
      {tasks.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          红灯 {red} 项，黄灯 {tasks.length - red} 项，滞后最多的在前；亮灯原因由系统按报送、指标和序时进度给出。
        </Typography.Paragraph>
      )}
      {tasks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="您分管的事项暂无红灯、黄灯" />
      ) : phone ? (
        <div style={{ marginTop: 12 }}>
          {shown.map((t) => (
            <FocusTaskPhoneCard key={t.taskId} t={t} onInstruct={() => setInstructing(t)} />
          ))}
          {shown.length < tasks.length && (
            <Button block size="large" onClick={() => setShowAll(true)}>
              显示其余 {tasks.length - shown.length} 项
            </Button>
          )}
        </div>
      ) : (
        <List<Focus>
          itemLayout="vertical"
          dataSource={tasks}
          pagination={
            tasks.length > 5
              ? { pageSize: 5, size: 'small', showSizeChanger: false, showTotal: (n) => `共 ${n} 项` }
              : false
          }
          renderItem={(t) => (
            <List.Item
              key={t.taskId}
              data-testid="focus-task"
              actions={[
                <Button
                  key="instruct"
                  type="primary"
                  size="small"
                  icon={<FormOutlined />}
                  aria-label={`批示：${taskRef(t)}`}
                  onClick={() => setInstructing(t)}
                >
                  批示
                </Button>,
                <Link key="open" to={`/tasks/${t.taskId}`}>
                  查看事项
                </Link>,
              ]}
            >
              <Space size={8} align="start" style={{ marginBottom: 4 }} wrap>
                <LightTag light={t.light} reasons={[]} />
                <Typography.Text strong>{taskRef(t)}</Typography.Text>
              </Space>
              <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }}>
                {t.standard}
              </Typography.Paragraph>
              <ul className="focus-reasons" aria-label="亮灯原因">
                {t.reasons.map((r) => (
                  <li key={r}>
                    <Typography.Text type={t.light === 'red' ? 'danger' : 'warning'}>{r}</Typography.Text>
                  </li>
                ))}
              </ul>
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                <Units units={t.units} />
              </Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                最近报送：{lastReportText(t.lastReport)}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
      <TextModal
        open={instructing !== null}
        title={instructing ? `批示：${taskRef(instructing)}` : '批示'}
        label="批示内容"
        okText="发送批示"
        placeholder="批示将送达本事项的各责任单位"
        intro={
          instructing && (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}>
              {instructing.standard}
            </Typography.Paragraph>
          )
        }
        onSubmit={async (body) => {
          await instruct.mutateAsync({ id: instructing!.taskId, body: { body } });
          void message.success('批示已发送给责任单位');
        }}
        onClose={() => setInstructing(null)}
      />
    </Card>
  );
}
