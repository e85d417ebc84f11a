import { Space, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { Delivery } from './api';
import { CHANNEL, DELIVERY_STATUS } from './labels';

function DeliveryTag({ d }: { d: Delivery }) {
  // A delivery that failed but will be tried again reads 待重试, so the office sees trouble early.
  const retrying = d.status === 'pending' && d.lastError !== null;
  const s = retrying ? { label: '待重试', color: 'warning' } : DELIVERY_STATUS[d.status];
  const tip = [
    d.target && `发送对象：${d.target}`,
    `尝试 ${d.attempts} 次`,
    // The outbox runs on the real time (retries, leases): its times are labelled as such.
    d.sentAt && `发送时间（系统时间）：${dayjs(d.sentAt).format('YYYY-MM-DD HH:mm')}`,
    d.lastError && `最近错误：${d.lastError}`,
    d.status !== 'sent' && d.nextAttemptAt && `下次重试（系统时间）：${dayjs(d.nextAttemptAt).format('YYYY-MM-DD HH:mm')}`,
  ].filter(Boolean);
  return (
    <Tooltip
      title={tip.map((t) => (
        <div key={String(t)}>{t}</div>
      ))}
    >
      <Tag color={s.color} data-testid={`delivery-${d.channel}-${d.status}`} style={{ marginInlineEnd: 0 }}>
        {CHANNEL[d.channel]} · {s.label}
        {d.status !== 'sent' && d.attempts > 0 ? `（已试${d.attempts}次）` : ''}
      </Tag>
    </Tooltip>
  );
}

const PERSON_COLOR: Record<Delivery['recipients'][number]['status'], string> = {
  pending: 'default',
  sent: 'blue',
  read: 'success',
  failed: 'error',
};

/**
 * A message to the person (企业微信应用消息, 钉钉工作通知, 短信): each named person with their state —
 * 已发送, 已读 (where the platform tells), 失败 with the reason on hover — so the office sees who
 * has it and who does not.
 */
function PersonStates({ d }: { d: Delivery }) {
  return (
    <div data-testid={`recipients-${d.channel}`} className="delivery-people">
      <span className="delivery-people-channel">{CHANNEL[d.channel]}：</span>
      {d.recipients.map((r) => (
        <Tooltip key={r.name} title={r.error ?? (r.readAt ? `已读（系统时间 ${dayjs(r.readAt).format('YYYY-MM-DD HH:mm')}）` : undefined)}>
          <Tag color={PERSON_COLOR[r.status]} data-testid={`person-${d.channel}-${r.status}`} style={{ marginInlineEnd: 4 }}>
            {r.name} {r.statusLabel}
          </Tag>
        </Tooltip>
      ))}
    </div>
  );
}

/**
 * 站内 first (the in-app notices are written with the reminder itself, so they are always sent),
 * then each outgoing channel's delivery as the server reports it.
 */
export function DeliveryTags({ deliveries }: { deliveries: Delivery[] }) {
  const personal = deliveries.filter((d) => d.recipients.length > 0);
  const tags = (
    <Space size={[4, 4]} wrap>
      <Tooltip title="站内通知随提醒同时写入，收件人在右上角通知中查看">
        <Tag color="success" data-testid="delivery-inapp-sent" style={{ marginInlineEnd: 0 }}>
          {CHANNEL.inapp} · 已发送
        </Tag>
      </Tooltip>
      {deliveries.map((d) => (
        <DeliveryTag key={d.id} d={d} />
      ))}
    </Space>
  );
  if (personal.length === 0) return tags;
  return (
    <Space direction="vertical" size={4}>
      {tags}
      {personal.map((d) => (
        <PersonStates key={d.id} d={d} />
      ))}
    </Space>
  );
}
