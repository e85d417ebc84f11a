import { ApiError } from '../api/client';
import type { TasksCreated } from './build-api';

/** "已新增 5 项任务；新加入名录：区新能源办（单位）、王新来（领导）" */
export function addedMessage(res: TasksCreated): string {
  const added = [...res.createdUnits.map((n) => `${n}（单位）`), ...res.createdLeaders.map((n) => `${n}（领导）`)];
  return `已新增 ${res.taskIds.length} 项任务${added.length ? `；新加入名录：${added.join('、')}` : ''}`;
}

const FIELD_NAMES: Record<string, string> = {
  seq: '序号',
  category: '类别',
  standard: '任务内容',
  leaders: '牵头领导',
  leadUnits: '牵头单位',
  coUnits: '配合单位',
  deadline: '完成时限',
  indicators: '指标',
  annexNo: '附件',
  docNumber: '文号',
  title: '台账名称',
};

/** The server's field keys (tasks.3.deadline) in the office's words (第4行 完成时限); other errors as they are. */
export function readableError(err: unknown): unknown {
  if (!(err instanceof ApiError) || !err.fields) return err;
  const fields = Object.fromEntries(
    Object.entries(err.fields).map(([key, reason]) => {
      const m = /^tasks\.(\d+)\.(\w+)$/.exec(key);
      const name = m ? `第${Number(m[1]) + 1}行 ${FIELD_NAMES[m[2]!] ?? m[2]}` : (FIELD_NAMES[key] ?? key);
      return [name, reason];
    }),
  );
  return new ApiError(err.status, err.code, err.message, err.messageEn, fields);
}
