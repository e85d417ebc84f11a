import { LIGHT_LABELS } from '../supervision/lights';
import type { BulletinFigures, TaskRef } from './figures';

/**
 * The first draft of a bulletin's text, written from its figures in the form the office types
 * by hand: numbered parts (一、), sub-parts (（一）), items (1.). The office edits it before
 * publishing; server/documents/body-text.ts reads the same numbering back into headings.
 */
export function draftTitle(f: Pick<BulletinFigures, 'periodLabel'>): string {
  return `关于${f.periodLabel}区政府工作报告目标任务推进情况的通报`;
}

export function draftDocNumber(year: number, issueNo: number): string {
  return `督查通报〔${year}〕第${issueNo}期`;
}

const cnDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** A task as a bulletin names it: its annex and number, and the start of its standard. */
export function taskLabel(t: Pick<TaskRef, 'annexNo' | 'seq' | 'standard'>, max = 36): string {
  const text = t.standard.replace(/\s+/g, '');
  const short = text.length > max ? `${text.slice(0, max)}……` : text.replace(/[。；;]$/, '');
  // Numbers print as 第1项 / 第(3)项: the list punctuation of "1." or "2．" is not part of the number.
  return `附件${t.annexNo}第${t.seq.replace(/[.．、]$/, '')}项“${short}”`;
}

const list = (names: string[]) => names.join('、');

export function draftBody(f: BulletinFigures, highlightProgressIds: readonly number[]): string {
  const c = f.lights.counts;
  const r = f.reporting;
  const parts: string[] = [];

  parts.push('一、总体情况');
  parts.push(
    `截至${cnDate(f.asOf)}，${f.notice.docNumber ? `《${f.notice.title}》（${f.notice.docNumber}）` : `《${f.notice.title}》`}确定的${c.total}项目标任务中，` +
      `已完成${c.blue}项（${LIGHT_LABELS.blue}），按序时推进${c.green}项（${LIGHT_LABELS.green}），存在风险${c.yellow}项（${LIGHT_LABELS.yellow}），` +
      `进度滞后${c.red}项（${LIGHT_LABELS.red}），尚无报告可评价${c.grey}项。` +
      `${f.periodLabel}应报送进展情况的责任单位${r.expected}个，按时报送${r.onTime}个，逾期报送${r.late}个，未报送${r.missing}个` +
      `${r.pending ? `，尚在报送期内${r.pending}个` : ''}。`,
  );

  parts.push('二、报送情况');
  const late = r.units.filter((u) => u.status === 'late');
  const missing = r.units.filter((u) => u.status === 'missing');
  parts.push('（一）逾期报送单位');
  parts.push(late.length ? `${list(late.map((u) => `${u.unitName}（${u.timelinessLabel ?? `逾期${u.lateDays}天`}）`))}。` : '本期无逾期报送单位。');
  parts.push('（二）未报送单位');
  parts.push(missing.length ? `截至${cnDate(f.asOf)}，${list(missing.map((u) => u.unitName))}仍未报送本期进展情况。` : '本期无未报送单位。');
  // A returned report reached the office (on time or late by its first arrival): it is named here, never among the missing.
  const returned = r.units.filter((u) => u.returned);
  if (returned.length) {
    parts.push('（三）退回修改单位');
    parts.push(`${list(returned.map((u) => `${u.unitName}（${u.text ?? '退回修改'}）`))}。以上单位报告已报送督查室，经审核退回修改，请按要求修改完善后重新报送。`);
  }

  parts.push('三、完成情况');
  if (f.completed.length) {
    parts.push(`本期共有${f.completed.length}项任务报告已完成：`);
    f.completed.forEach((t, i) => parts.push(`${i + 1}. ${taskLabel(t)}${t.unitName ? `（${t.unitName}）` : ''}。`));
  } else {
    parts.push('本期暂无报告已完成的任务。');
  }

  parts.push('四、滞后事项');
  if (f.behind.length) {
    const total = f.behindTotal.red + f.behindTotal.yellow;
    parts.push(
      total > f.behind.length
        ? `本期进度滞后（红灯）${f.behindTotal.red}项、存在风险（黄灯）${f.behindTotal.yellow}项，其中最为滞后的${f.behind.length}项如下，请分管区领导督促、责任单位加快推进（其余事项详见督办系统任务台账）：`
        : `以下${f.behind.length}项任务推进滞后或存在风险，请分管区领导督促、责任单位加快推进：`,
    );
    f.behind.forEach((t, i) =>
      parts.push(
        `${i + 1}. ${taskLabel(t)}（分管区领导：${list(t.leaders) || '未明确'}；责任单位：${list(t.units) || '未明确'}）：${t.reasons.join('；') || LIGHT_LABELS[t.light]}。`,
      ),
    );
  } else {
    parts.push('本期无推进滞后的任务。');
  }

  const picked = f.highlightCandidates.filter((h) => h.progressId !== null && highlightProgressIds.includes(h.progressId));
  if (picked.length) {
    parts.push('五、工作亮点');
    picked.forEach((h, i) => parts.push(`${i + 1}. ${h.unitName}：${h.narrative.replace(/\s+/g, '').replace(/[。；;]?$/, '。')}`));
  }

  parts.push(`${picked.length ? '六' : '五'}、下步工作要求`);
  parts.push(
    '各责任单位要对照目标任务和完成时限，倒排工期、挂图作战，确保按序时推进；对逾期或未报送的单位，请于3个工作日内补报并说明原因；' +
      '对滞后事项，责任单位要分析原因、明确措施，需要协调解决的问题及时提请分管区领导协调。区政府督查室将持续跟踪督办，并将推进情况纳入年度绩效考核。',
  );
  return parts.join('\n\n');
}
