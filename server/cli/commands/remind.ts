import { AUDIENCE_LABELS, CHANNEL_LABELS, REMINDER_KIND_LABELS } from '../../../core/api/reminders';
import type { Config } from '../../config/config';
import { sendDue } from '../../reminders/deliveries';
import { describePlanItem, planReminders, sweepReminders } from '../../reminders/sweep';
import { output } from '../output';
import { withDatabase } from './admin';

type Described = ReturnType<typeof describePlanItem>;

function lines(items: Described[]) {
  return items.map(
    (r) =>
      `  ${r.unit} · ${r.period} · ${REMINDER_KIND_LABELS[r.kind]} → ${AUDIENCE_LABELS[r.audience]}：${r.people.map((p) => p.name).join('、') || '（无账号）'}；渠道：${r.channelLabels.join('、')}\n    ${r.title}`,
  );
}

/**
 * `duban remind --dry-run`: what today's sweep (business clock) would send and to whom, writing
 * nothing. `duban remind`: one sweep and one send pass, and what they did.
 */
export async function remindCommand(config: Config, json: boolean, dryRun: boolean) {
  await withDatabase(config, async (ctx) => {
    const today = ctx.clock.today();
    if (dryRun) {
      const items = (await planReminders(ctx, { today })).map(describePlanItem);
      output(
        json,
        { today, dryRun: true, reminders: items },
        items.length
          ? [`${today} 将发送 ${items.length} 条提醒（演练，未写入）：`, ...lines(items)].join('\n')
          : `${today} 没有需要发送的提醒（演练，未写入）`,
      );
      return;
    }
    const sweep = await sweepReminders(ctx);
    const sent = await sendDue(ctx);
    const recorded = sweep.recorded.map(describePlanItem);
    const text = [
      `${today}：计划 ${sweep.planned} 条提醒，新记录 ${recorded.length} 条，已发过 ${sweep.alreadyDone} 条`,
      ...lines(recorded),
      `发送：${sent.filter((s) => s.status === 'sent').length} 条成功，${sent.filter((s) => s.status === 'retry').length} 条待重试，${sent.filter((s) => s.status === 'failed').length} 条失败`,
      ...sent
        .filter((s) => s.status !== 'sent')
        .map((s) => `  ${CHANNEL_LABELS[s.channel]} ${s.target}：${s.error ?? ''}`),
    ].join('\n');
    output(
      json,
      { today, dryRun: false, planned: sweep.planned, alreadyDone: sweep.alreadyDone, recorded, deliveries: sent },
      text,
    );
  });
}
