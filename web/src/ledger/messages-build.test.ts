import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { addedMessage, readableError } from './messages-build';

describe('building the ledger: messages', () => {
  it('names a pasted row and field as the office reads them', () => {
    const err = new ApiError(400, 'VALIDATION_FAILED', '第2行：没有牵头单位', undefined, { 'tasks.1.leadUnits': '没有牵头单位', docNumber: '该文号已存在' });
    expect((readableError(err) as ApiError).fields).toEqual({ '第2行 牵头单位': '没有牵头单位', 文号: '该文号已存在' });
    const plain = new Error('x');
    expect(readableError(plain)).toBe(plain);
  });

  it('says what was added to the directory', () => {
    expect(addedMessage({ taskIds: [1, 2], createdUnits: ['区新能源办'], createdLeaders: ['王新来'] })).toBe('已新增 2 项任务；新加入名录：区新能源办（单位）、王新来（领导）');
    expect(addedMessage({ taskIds: [1], createdUnits: [], createdLeaders: [] })).toBe('已新增 1 项任务');
  });
});
