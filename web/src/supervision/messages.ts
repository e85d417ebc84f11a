// The settings endpoints explain a refused save in the validator's English (VALIDATION_FAILED
// carries the zod issues as they are); say the ones these cards can cause in Chinese.
const PHRASES: [RegExp, string][] = [
  [/e-mail needs a host and a from address/g, '启用电子邮件须填写 SMTP 服务器和发件人地址'],
  [/WeCom needs the robot webhook URL/g, '启用企业微信须填写群机器人 Webhook 地址'],
  [/DingTalk needs the robot webhook URL and its signing secret/g, '启用钉钉须填写群机器人 Webhook 地址和加签密钥'],
  [/must be an http\(s\) URL/g, '须为 http:// 或 https:// 开头的地址'],
  [/redGap must be larger than yellowGap/g, '红灯阈值须大于黄灯阈值'],
];

const FIELDS: [RegExp, string][] = [
  [/\bemail\.host\b/g, 'SMTP 服务器'],
  [/\bemail\.from\b/g, '发件人地址'],
  [/\bemail\.port\b/g, '端口'],
  [/\bwecom\.webhookUrl\b/g, '企业微信 Webhook 地址'],
  [/\bdingtalk\.webhookUrl\b/g, '钉钉 Webhook 地址'],
  [/\bdingtalk\.secret\b/g, '钉钉加签密钥'],
  [/\bemail\b(?=:)/g, '电子邮件'],
  [/\bdingtalk\b(?=:)/g, '钉钉'],
  [/\bwecom\b(?=:)/g, '企业微信'],
];

export function inChinese(text: string): string {
  let s = text;
  for (const [re, zh] of [...PHRASES, ...FIELDS]) s = s.replace(re, zh);
  return s.replace(/: /g, '：').replace(/; /g, '；');
}
