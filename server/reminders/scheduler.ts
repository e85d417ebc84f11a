import { Cron } from 'croner';
import type { AppContext } from '../context';
import { sendDue } from './deliveries';
import { escalateUnread, refreshReadStatus } from './personal-messages';
import { sweepReminders } from './sweep';

/**
 * The in-process schedule every app instance runs (`duban serve`, unless DUBAN_SCHEDULER=off):
 * the reminder sweep at start and every 15 minutes, the sender every 20 seconds and right after
 * a sweep or a hand-made urge. Safe with several instances: the sweep records each reminder once
 * (unique key) and the sender claims rows with SKIP LOCKED. Runs never overlap in one process.
 */
export type Log = { info: (msg: string) => void; error: (msg: string) => void };

export const SWEEP_CRON = '*/15 * * * *';
export const SEND_CRON = '*/20 * * * * *';

let wake: (() => void) | null = null;

/** Asks this process's running scheduler (if any) to send now rather than at its next tick. */
export function wakeSender() {
  wake?.();
}

export function startReminderScheduler(ctx: AppContext, log: Log) {
  const inflight = new Set<Promise<unknown>>();
  let stopped = false;
  let sending: Promise<unknown> | null = null;
  let sendAgain = false;

  const track = <T>(p: Promise<T>) => {
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
    return p;
  };

  const send = (): Promise<unknown> => {
    if (stopped) return Promise.resolve();
    if (sending) {
      sendAgain = true;
      return sending;
    }
    sending = track(
      (async () => {
        do {
          sendAgain = false;
          const outcomes = await sendDue(ctx);
          for (const o of outcomes) {
            if (o.status !== 'sent')
              log.error(
                `reminder delivery ${o.id} (${o.channel}) ${o.status} after attempt ${o.attempts}: ${o.error ?? ''}`,
              );
          }
          if (outcomes.length)
            log.info(
              `reminder deliveries: ${outcomes.filter((o) => o.status === 'sent').length} sent of ${outcomes.length}`,
            );
          // Messages to the person: who has read (where the platform tells), then the SMS for the unread.
          await refreshReadStatus(ctx);
          const escalated = await escalateUnread(ctx);
          if (escalated.length) {
            log.info(`reminder SMS queued for unread messages: ${escalated.length}`);
            sendAgain = true;
          }
        } while (sendAgain && !stopped);
      })()
        .catch((e: unknown) => log.error(`reminder sender failed: ${e instanceof Error ? e.message : String(e)}`))
        .finally(() => (sending = null)),
    );
    return sending;
  };

  let sweeping = false;
  const sweep = async () => {
    if (stopped || sweeping) return;
    sweeping = true;
    try {
      const r = await track(sweepReminders(ctx));
      if (r.recorded.length) log.info(`reminder sweep ${r.today}: ${r.recorded.length} new of ${r.planned} planned`);
      await send();
    } catch (e) {
      log.error(`reminder sweep failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      sweeping = false;
    }
  };

  const sweepJob = new Cron(SWEEP_CRON, { protect: true, name: 'duban-reminder-sweep' }, sweep);
  const sendJob = new Cron(SEND_CRON, { protect: true, name: 'duban-reminder-send' }, async () => {
    await send();
  });
  wake = () => void send();
  const first = track(sweep());

  return {
    /** Resolves when the start-up sweep and its send pass are done. */
    ready: first,
    async stop() {
      stopped = true;
      sweepJob.stop();
      sendJob.stop();
      wake = null;
      await Promise.allSettled([...inflight]);
    },
  };
}
