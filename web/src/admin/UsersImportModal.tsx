import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Grid, Modal, Space, Steps, Switch, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { USER_IMPORT_LIMITS } from '../../../core/api/users-import';
import { ROLE_LABELS } from '../../../core/roles';
import { ErrorAlert } from '../layout/ErrorAlert';
import {
  TEMPLATE_HREF,
  useImportAccounts,
  usePreviewImport,
  type ImportPreviewRow,
  type ImportResult,
} from './import-api';
import './users-import.css';

/**
 * 批量导入: download the template, upload the filled sheet, see every row checked (problems in red,
 * by row and column), then import all rows at once — or, while a row is wrong, fix the sheet and
 * upload it again. The import is asked for as one request: the security administrator approves it,
 * and receives the initial passwords (issue 17, finding 4).
 */
export function UsersImportModal({ onClose }: { onClose: () => void }) {
  const preview = usePreviewImport();
  const importing = useImportAccounts();
  const [file, setFile] = useState<File | null>(null);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  // On a phone the 问题 column is off to the right of the scrolled table: list the problems first.
  const narrow = !Grid.useBreakpoint().md;

  const pick = (f: File) => {
    setFile(f);
    setOnlyErrors(false);
    importing.reset();
    preview.mutate(f);
    return false; // the modal uploads it itself
  };
  const data = preview.data;
  const errorRows = data?.errorRows ?? 0;
  const canImport = !!file && !!data && errorRows === 0 && !preview.isPending;
  const rows = data ? (onlyErrors ? data.rows.filter((r) => r.errors.length > 0) : data.rows) : [];

  const confirm = () => {
    if (!file) return;
    importing.mutate(file, { onSuccess: (r) => setResult(r) });
  };

  const step = result ? 2 : data ? 1 : 0;
  return (
    <Modal
      open
      title="批量导入账号"
      width={1040}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={
        result ? (
          <Button type="primary" onClick={onClose}>
            完成
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>取消</Button>
            <Button
              type="primary"
              disabled={!canImport}
              loading={importing.isPending}
              onClick={confirm}
              title={errorRows > 0 ? '请先修改表中的错误并重新上传' : undefined}
            >
              确认导入{data && errorRows === 0 ? `（${data.rows.length} 个账号）` : ''}并提交审批
            </Button>
          </Space>
        )
      }
    >
      <Steps
        size="small"
        current={step}
        className="users-import-steps"
        items={[{ title: '下载模板并填写' }, { title: '上传并检查' }, { title: '提交审批' }]}
      />
      {result ? (
        <ImportDone result={result} />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Button icon={<DownloadOutlined />} href={TEMPLATE_HREF}>
              下载模板
            </Button>
            <Typography.Text type="secondary">
              模板中附有可选角色、本机构单位名录和领导名录；仅支持 .xlsx，不超过 {USER_IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB、
              {USER_IMPORT_LIMITS.maxRows} 行。
            </Typography.Text>
          </Space>
          {data ? (
            <Space wrap style={{ marginBottom: 12 }}>
              <Upload accept=".xlsx" showUploadList={false} beforeUpload={pick} maxCount={1}>
                <Button icon={<UploadOutlined />} loading={preview.isPending}>
                  重新上传
                </Button>
              </Upload>
              <Typography.Text>{file?.name}</Typography.Text>
            </Space>
          ) : (
            <Upload.Dragger accept=".xlsx" showUploadList={false} beforeUpload={pick} maxCount={1} disabled={preview.isPending}>
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{preview.isPending ? '正在检查…' : '点击或将填好的账号表拖到此处上传'}</p>
              <p className="ant-upload-hint">上传后先逐行检查，不会写入任何数据</p>
            </Upload.Dragger>
          )}
          {preview.error && <ErrorAlert error={preview.error} />}
          {importing.error && <ErrorAlert error={importing.error} />}
          {data && (
            <>
              {errorRows > 0 ? (
                <Alert
                  type="error"
                  showIcon
                  style={{ marginBottom: 12 }}
                  message={`共 ${data.rows.length} 行，其中 ${errorRows} 行有错误，暂不能导入`}
                  description="请按“问题”一列的提示在 Excel 中修改对应单元格，保存后点“重新上传”。全部无误后才能导入，导入时所有账号一次写入。"
                />
              ) : (
                <Alert
                  type="success"
                  showIcon
                  style={{ marginBottom: 12 }}
                  message={`共 ${data.rows.length} 个账号，检查无误，可以导入`}
                  description="确认导入后提交安全管理员审批；批准时系统为每个账号生成初始密码（只向安全管理员显示一次，由其交给本人），用户首次登录须修改密码。"
                />
              )}
              {errorRows > 0 && narrow && (
                <ul className="users-import-problems users-import-problem-list">
                  {data.rows.flatMap((r) =>
                    r.errors.map((e, i) => (
                      <li key={`${r.row}-${i}`}>
                        第 {r.row} 行{e.column ? `「${e.column}」` : ''}：{e.message}
                      </li>
                    )),
                  )}
                </ul>
              )}
              {errorRows > 0 && (
                <label className="users-import-only-errors">
                  <Switch size="small" checked={onlyErrors} onChange={setOnlyErrors} /> 只看有错误的行
                </label>
              )}
              <PreviewTable rows={rows} />
            </>
          )}
        </>
      )}
    </Modal>
  );
}

function PreviewTable({ rows }: { rows: ImportPreviewRow[] }) {
  const cell = (r: ImportPreviewRow, column: string, text: React.ReactNode) =>
    r.errors.some((e) => e.column === column) ? <span className="users-import-bad-cell">{text || '（空）'}</span> : text;
  return (
    <Table<ImportPreviewRow>
      size="small"
      rowKey="row"
      dataSource={rows}
      scroll={{ x: 900 }}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 行` }}
      rowClassName={(r) => (r.errors.length > 0 ? 'users-import-error-row' : '')}
      columns={[
        { title: '行号', dataIndex: 'row', width: 64 },
        { title: '登录名', render: (_: unknown, r) => cell(r, '登录名', <code>{r.username}</code>), width: 150 },
        { title: '姓名', render: (_: unknown, r) => cell(r, '姓名', r.displayName), width: 100 },
        {
          title: '角色',
          width: 110,
          render: (_: unknown, r) => cell(r, '角色', r.role ? ROLE_LABELS[r.role] : r.roleText),
        },
        {
          title: '所属单位',
          width: 160,
          render: (_: unknown, r) =>
            cell(
              r,
              '所属单位',
              r.unit ? (
                <span title={r.unit.name !== r.unitText ? `表中填写：${r.unitText}` : undefined}>{r.unit.name}</span>
              ) : (
                r.unitText
              ),
            ),
        },
        { title: '手机号', width: 120, render: (_: unknown, r) => cell(r, '手机号', r.phone ?? '') },
        {
          title: '问题',
          render: (_: unknown, r) =>
            r.errors.length === 0 ? (
              <Tag color="success">无误</Tag>
            ) : (
              <ul className="users-import-problems">
                {r.errors.map((e, i) => (
                  <li key={i}>
                    {e.column && <Tag color="error">{e.column}</Tag>}
                    {e.message}
                  </li>
                ))}
              </ul>
            ),
        },
      ]}
    />
  );
}

function ImportDone({ result }: { result: ImportResult }) {
  return (
    <>
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 12 }}
        message={`已提交批量导入申请（${result.request.accounts.length} 个账号），待安全管理员审批`}
        description="安全管理员批准后账号才会创建；初始密码在批准时生成，只向安全管理员显示一次，由其交给本人。审批进度见“用户管理”页的“账号变更申请”。"
      />
      <Table
        size="small"
        rowKey="username"
        dataSource={result.request.accounts}
        scroll={{ x: 480 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: '登录名', dataIndex: 'username', render: (v: string) => <code>{v}</code> },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'roleLabel' },
          { title: '所属单位', render: (_: unknown, a) => a.unitName ?? a.leaderName ?? '—' },
        ]}
      />
    </>
  );
}
