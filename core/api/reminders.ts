import { z } from 'zod';

/** Reminders, urges (催办) and the channels they go out on: API schemas and the stored settings. */

export const CHANNELS = ['email', 'wecom', 'dingtalk', 'wecom_app', 'dingtalk_work', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  email: '电子邮件',
  wecom: '企业微信群机器人',
  dingtalk: '钉钉群机器人',
  wecom_app: '企业微信应用消息',
  dingtalk_work: '钉钉工作通知',
  sms: '短信（未读补发）',
};
/** A named person's state on a message to the person (WeCom 应用消息, DingTalk 工作通知, SMS). */
export const RECIPIENT_STATUS_LABELS = { pending: '待发送', sent: '已发送', read: '已读', failed: '失败' } as const;

export const REMINDER_KIND_LABELS = {
  before_deadline: '截止前提醒',
  deadline_day: '截止日提醒',
  overdue_urge: '逾期催办',
} as const;
export const AUDIENCE_LABELS = {
  unit: '责任单位',
  unit_head: '单位主要负责人',
  leaders: '分管区领导及责任单位',
} as const;
export const DELIVERY_STATUS_LABELS = { pending: '待发送', sent: '已发送', failed: '发送失败' } as const;

const dayList = (max: number) =>
  z
    .array(z.number().int().min(1).max(max))
    .max(20)
    .transform((days) => [...new Set(days)].sort((a, b) => b - a));

/** The reminder schedule: days before the deadline to remind the unit, days after it to urge. */
export const reminderScheduleSchema = z.object({
  daysBefore: dayList(90),
  urgeAfterDays: dayList(365).transform((d) => [...d].sort((a, b) => a - b)),
});

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), 'must be an http(s) URL');

/** The channels as stored (secrets included); never sent to the client as they are. */
export const channelSettingsSchema = z
  .object({
    email: z.object({
      enabled: z.boolean(),
      host: z.string().trim().max(255),
      port: z.number().int().min(1).max(65535),
      /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
      secure: z.boolean(),
      username: z.string().max(255),
      /** Stored sealed (server/channels/channel-secrets.ts), hence longer than the 500 a person may type. */
      password: z.string().max(4000),
      from: z.string().trim().max(255),
    }),
    wecom: z.object({ enabled: z.boolean(), webhookUrl: httpUrl }),
    dingtalk: z.object({ enabled: z.boolean(), webhookUrl: httpUrl, secret: z.string().trim().max(4000) }),
  })
  .superRefine((v, ctx) => {
    if (v.email.enabled && (!v.email.host || !v.email.from))
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'e-mail needs a host and a from address' });
    if (v.wecom.enabled && !v.wecom.webhookUrl)
      ctx.addIssue({ code: 'custom', path: ['wecom', 'webhookUrl'], message: 'WeCom needs the robot webhook URL' });
    if (v.dingtalk.enabled && (!v.dingtalk.webhookUrl || !v.dingtalk.secret)) {
      ctx.addIssue({
        code: 'custom',
        path: ['dingtalk'],
        message: 'DingTalk needs the robot webhook URL and its signing secret',
      });
    }
  });
export type ChannelSettings = z.infer<typeof channelSettingsSchema>;

export const DEFAULT_CHANNEL_SETTINGS: ChannelSettings = {
  email: { enabled: false, host: '', port: 25, secure: false, username: '', password: '', from: '' },
  wecom: { enabled: false, webhookUrl: '' },
  dingtalk: { enabled: false, webhookUrl: '', secret: '' },
};

/** What GET /api/settings/channels shows: secrets masked, with whether one is set. */
export const channelSettingsViewSchema = z.object({
  email: z.object({
    enabled: z.boolean(),
    host: z.string(),
    port: z.number(),
    secure: z.boolean(),
    username: z.string(),
    from: z.string(),
    passwordSet: z.boolean(),
  }),
  wecom: z.object({ enabled: z.boolean(), webhookUrl: z.string(), webhookSet: z.boolean() }),
  dingtalk: z.object({ enabled: z.boolean(), webhookUrl: z.string(), webhookSet: z.boolean(), secretSet: z.boolean() }),
});

/**
 * PUT /api/settings/channels: a secret left out (or sent back masked, as GET showed it) keeps the
 * stored one; an empty string clears it.
 */
export const channelSettingsBody = z.object({
  email: z.object({
    enabled: z.boolean(),
    host: z.string().trim().max(255).default(''),
    port: z.number().int().min(1).max(65535).default(25),
    secure: z.boolean().default(false),
    username: z.string().max(255).default(''),
    password: z.string().max(500).optional(),
    from: z.string().trim().max(255).default(''),
  }),
  wecom: z.object({ enabled: z.boolean(), webhookUrl: z.string().trim().max(2000).optional() }),
  dingtalk: z.object({
    enabled: z.boolean(),
    webhookUrl: z.string().trim().max(2000).optional(),
    secret: z.string().trim().max(500).optional(),
  }),
});

export const urgeBody = z.object({ message: z.string().trim().min(1).max(2000) });

export const deliverySchema = z.object({
  id: z.number(),
  channel: z.enum(CHANNELS),
  channelLabel: z.string(),
  target: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  statusLabel: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  /** Messages to the person: each named person's state (empty for e-mail and the group robots). */
  recipients: z.array(
    z.object({
      name: z.string(),
      status: z.enum(['pending', 'sent', 'read', 'failed']),
      statusLabel: z.string(),
      error: z.string().nullable(),
      readAt: z.string().nullable(),
    }),
  ),
});

export const reminderItemSchema = z.object({
  /** reminder: planned by the schedule (an overdue one carries its urge); urge: by hand. */
  source: z.enum(['reminder', 'urge']),
  id: z.number(),
  kind: z.enum(['before_deadline', 'deadline_day', 'overdue_urge', 'manual_urge']),
  kindLabel: z.string(),
  key: z.string().nullable(),
  period: z.object({ id: z.number(), label: z.string() }),
  unit: z.object({ id: z.number(), name: z.string() }),
  audience: z.string(),
  audienceLabel: z.string(),
  title: z.string(),
  body: z.string(),
  recipients: z.array(z.string()),
  urge: z.object({ id: z.number(), mode: z.enum(['auto', 'manual']), createdByName: z.string() }).nullable(),
  businessDate: z.string(),
  createdAt: z.string(),
  failed: z.boolean(),
  deliveries: z.array(deliverySchema),
});

export const reminderListSchema = z.object({ items: z.array(reminderItemSchema) });

export const urgeResultSchema = z.object({
  urgeId: z.number(),
  notified: z.number(),
  deliveries: z.array(z.object({ channel: z.enum(CHANNELS), target: z.string() })),
});

/**
 * POST /api/periods/:id/urges (批量催办): one urge per unit. requestKey is made by the page for one
 * confirmation; sent again (a double click, a retry), it urges nobody twice.
 */
export const bulkUrgeBody = z.object({
  unitIds: z.array(z.number().int().positive()).min(1).max(2000),
  message: z.string().trim().min(1).max(2000),
  requestKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be 16–64 letters, digits, - or _'),
});

const unitRefSchema = z.object({ unitId: z.number(), unitName: z.string() });

export const bulkUrgeResultSchema = z.object({
  urged: z.array(unitRefSchema.extend({ urgeId: z.number() })),
  /** Urged already by this same request (its key) — not urged again. */
  alreadyUrged: z.array(unitRefSchema),
  /** Not urged: the report reached the office or the unit is exempt; reason is where it stands. */
  skipped: z.array(unitRefSchema.extend({ reason: z.string() })),
  /** People told in the app, and messages queued on the outgoing channels. */
  notified: z.number(),
  deliveries: z.number(),
});

/** GET /api/periods/:id/urges: each urged unit's count (by hand and by the sweep) and last business day. */
export const urgeTallySchema = z.object({
  units: z.array(z.object({ unitId: z.number(), count: z.number(), manual: z.number(), auto: z.number(), lastOn: z.string() })),
});
