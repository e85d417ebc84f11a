import { Alert, App, Button, Checkbox, Input, Modal, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import {
  EMPTY_PASTE_MEMORY,
  PASTE_FIELD_LABELS,
  PASTE_FIELDS,
  mappingProblems,
  parsePastedText,
  proposeMapping,
  rememberMapping,
  rowsToDrafts,
  type PasteField,
  type PastedRow,
} from '../../../core/ledger/paste';
import { ErrorAlert } from '../layout/ErrorAlert';
import { useAddTasks, useNoticeStructure, usePasteMemory, useSavePasteMemory } from './build-api';
import { LedgerTargetFields, type LedgerTarget } from './LedgerTargetFields';
import { addedMessage, readableError } from './messages-build';

const FIELD_OPTIONS = PASTE_FIELDS.map((f) => ({ value: f, label: PASTE_FIELD_LABELS[f] }));

/**
 * 粘贴导入: the office copies rows in Excel or WPS and pastes them here. The grid shows them with
 * each column's field proposed from the header row (or remembered from the office's last paste);
 * every cell's problem shows before anything is written; 导入 writes all rows or none, and the
 * mapping is remembered for the whole office (the same spreadsheets come back every quarter).
 */
export function PasteImportModal({ open, initialNoticeId, onClose }: { open: boolean; initialNoticeId: number | undefined; onClose: () => void }) {
  const [target, setTarget] = useState<LedgerTarget>({ noticeId: initialNoticeId, annexNo: undefined });
  const structure = useNoticeStructure(target.noticeId);
  const memory = usePasteMemory(open);
  const saveMemory = useSavePasteMemory();
  const add = useAddTasks();
  const { message } = App.useApp();
  const [rows, setRows] = useState<string[][]>([]);
  const [header, setHeader] = useState(false);
  const [fields, setFields] = useState<PasteField[]>([]);
  const [error, setError] = useState<unknown>(null);
  const year = structure.data?.notice.year ?? new Date().getFullYear();

  const take = (text: string) => {
    const parsed = parsePastedText(text);
    const proposed = proposeMapping(parsed, memory.data ?? EMPTY_PASTE_MEMORY);
    setRows(parsed);
    setHeader(proposed.header);
    setFields(proposed.fields);
    setError(null);
  };
  const mapping = useMemo(() => ({ header, fields }), [header, fields]);
  const drafts = useMemo(() => (rows.length ? rowsToDrafts(rows, mapping, year) : []), [rows, mapping, year]);
  const problems = rows.length ? mappingProblems(mapping) : [];
  const errorCount = drafts.reduce((n, d) => n + d.errors.length, 0);
  const ready = drafts.length > 0 && problems.length === 0 && errorCount === 0 && target.annexNo !== undefined;

  const submit = async () => {
    if (!ready || target.noticeId === undefined || target.annexNo === undefined) return;
    setError(null);
    try {
      const res = await add.mutateAsync({ noticeId: target.noticeId, annexNo: target.annexNo, tasks: drafts.map((d) => d.draft) });
      // Remembered after the rows are in: a mapping that wrote nothing is not worth keeping.
      saveMemory.mutate(rememberMapping(memory.data ?? EMPTY_PASTE_MEMORY, header ? rows[0]! : null, fields));
      message.success(addedMessage(res));
      setRows([]);
      onClose();
    } catch (err) {
      setError(err);
    }
  };

  const width = rows[0]?.length ?? 0;
  const columns: ColumnsType<PastedRow> = [
    {
      title: '行',
      key: 'row',
      width: 64,
      fixed: 'left',
      render: (_, r) => (r.errors.length ? <Typography.Text type="danger">{r.row} ✗</Typography.Text> : <span>{r.row} ✓</span>),
    },
    ...Array.from({ length: width }, (_, c) => ({
      key: `c${c}`,
      width: fields[c] === 'standard' ? 320 : 150,
      title: (
        <div>
          <Select
            size="small"
            aria-label={`第${c + 1}列对应字段`}
            data-testid={`paste-field-${c}`}
            value={fields[c] ?? 'ignore'}
            style={{ width: '100%' }}
            options={FIELD_OPTIONS}
            onChange={(f: PasteField) => setFields((old) => old.map((x, i) => (i === c ? f : x === f && f !== 'ignore' ? 'ignore' : x)))}
          />
          {header && <div className="paste-header-text">{rows[0]![c]}</div>}
        </div>
      ),
      render: (_: unknown, r: PastedRow) => {
        const problems = r.errors.filter((e) => e.column === c);
        return (
          <div className={problems.length ? 'paste-cell paste-cell-error' : fields[c] === 'ignore' ? 'paste-cell paste-cell-ignored' : 'paste-cell'}>
            {r.cells[c]}
            {problems.map((p) => (
              <div key={p.field} className="paste-cell-message" role="note">
                {p.message}
              </div>
            ))}
          </div>
        );
      },
    })),
  ];
  const unplaced = drafts.flatMap((d) => d.errors.filter((e) => e.column === null).map((e) => `第${d.row}行：${e.message}`));

  return (
    <Modal
      open={open}
      title="粘贴导入"
      width={1200}
      onCancel={onClose}
      destroyOnHidden
      okText={drafts.length ? `导入 ${drafts.length} 项` : '导入'}
      cancelText="取消"
      okButtonProps={{ disabled: !ready }}
      confirmLoading={add.isPending}
      onOk={() => void submit()}
    >
      {error !== null && <ErrorAlert error={readableError(error)} />}
      <LedgerTargetFields value={target} onChange={setTarget} />
      {rows.length === 0 ? (
        <Input.TextArea
          aria-label="粘贴区"
          data-testid="paste-area"
          rows={8}
          autoFocus
          placeholder="在 Excel 或 WPS 中选中要导入的单元格（可包含表头行），复制后在这里按 Ctrl+V 粘贴"
          onPaste={(e) => {
            e.preventDefault();
            take(e.clipboardData.getData('text/plain'));
          }}
          onChange={(e) => e.target.value.trim() && take(e.target.value)}
        />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <Checkbox checked={header} onChange={(e) => setHeader(e.target.checked)}>
              第一行是表头
            </Checkbox>
            <Button size="small" onClick={() => setRows([])}>
              清空，重新粘贴
            </Button>
            <Typography.Text type="secondary">为每一列选择对应字段；选择会被记住，下次粘贴同样的表格时自动对应。</Typography.Text>
          </Space>
          {problems.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={problems.join('；')} />}
          {problems.length === 0 && (
            <Alert
              data-testid="paste-summary"
              type={errorCount ? 'error' : 'success'}
              showIcon
              style={{ marginBottom: 8 }}
              message={errorCount ? `${drafts.length} 行中有 ${errorCount} 处错误（标红的单元格）：请在表格软件中改正后重新粘贴，或调整列的对应` : `${drafts.length} 行均可导入，将一次全部写入`}
              description={unplaced.length ? unplaced.slice(0, 5).join('；') : undefined}
            />
          )}
          <Table<PastedRow>
            className="paste-grid"
            data-testid="paste-grid"
            size="small"
            rowKey="row"
            columns={columns}
            dataSource={drafts}
            pagination={false}
            scroll={{ x: 64 + fields.reduce((n, f) => n + (f === 'standard' ? 320 : 150), 0) }}
          />
        </>
      )}
    </Modal>
  );
}
