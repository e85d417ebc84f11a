import type { Delivery, ReminderItem } from './api';

/** The kinds as the office names them (the server's labels differ slightly: 截止前提醒). */
export const KIND: Record<ReminderItem['kind'], { label: string; color: string }> = {
  before_deadline: { label: '提前提醒', color: 'blue' },
  deadline_day: { label: '截止日提醒', color: 'gold' },
  overdue_urge: { label: '逾期催办', color: 'volcano' },
  manual_urge: { label: '人工催办', color: 'magenta' },
};

export const CHANNEL: Record<Delivery['channel'] | 'inapp', string> = {
  inapp: '站内',
  email: '邮件',
  wecom: '企业微信',
  dingtalk: '钉钉',
  wecom_app: '企业微信应用消息',
  dingtalk_work: '钉钉工作通知',
  sms: '短信',
};

export const DELIVERY_STATUS: Record<Delivery['status'], { label: string; color: string }> = {
  sent: { label: '已发送', color: 'success' },
  pending: { label: '待发送', color: 'default' },
  failed: { label: '失败', color: 'error' },
};
