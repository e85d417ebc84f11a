import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Spin } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { EDITABLE_STATES, TRANSITIONS } from '../../../core/reporting/states';
import { useSession } from '../auth/session';
import { ErrorAlert } from '../layout/ErrorAlert';
import { PageHeader } from '../layout/PageHeader';
import { QueryError } from '../layout/QueryError';
import { reportingKeys, useMyReport, useTransition, type ReportView } from './api';
import { ActionBar } from '../layout/ActionBar';
import { ReasonModal } from './ReasonModal';
import type { ItemHandle } from './ReportItemCard';
import { ReportHeader } from './ReportHeader';
import { ReportItems } from './ReportItems';
import { toTop } from './scroll';
import './reporting.css';

/** What the page tells each role about the report's state. */
function hintFor(role: string, view: ReportView): string | undefined {
  const s = view.report.state;
  if (role === 'unit_staff') {
    if (s === 'pending_head') return '报告已提交单位负责人审定，审定前不能修改。如需修改，请联系负责人退回。';
    if (s === 'submitted') return '报告已由单位负责人审定并报送督查室，等待督查室审核。';
    if (s === 'accepted') return '督查室已审核通过本期报告。';
    if (s === 'returned' && view.report.returnedByRole === 'office')
      return '请按督查室意见修改（填写内容自动保存），完成后点击“提交负责人审定”，经负责人审定后重新报送督查室。';
    return '填写内容自动保存。全部事项填写完成后，请点击“提交负责人审定”。';
  }
  if (s === 'pending_head') return '经办人已提交本期报告，请审阅各事项后审定报送督查室，或退回修改并说明原因。';
  if (s === 'draft' || s === 'returned') return '报告正由经办人填报，提交审定后您可在此审定。';
  if (s === 'submitted') return '报告已报送督查室，等待督查室审核。';
  return undefined;
}

/**
 * 本单位报告 for one period. Clerks (unit_staff) fill it in with autosave and submit it to their
 * head; the head (unit_head) reads it and approves it to the office or returns it with a reason.
 */
export default function UnitReportPage() {
  const periodId = Number(useParams().periodId);
  const { me } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  // The clerk starting work creates the report; the head only reads what the clerks prepared.
  const query = useMyReport(periodId, { poll: true, create: me?.role === 'unit_staff' });
  const transition = useTransition(reportingKeys.mine(periodId));
  const [returning, setReturning] = useState(false);
  const [flushing, setFlushing] = useState(false);
  const [blank, setBlank] = useState(0);
  const entries = useRef(new Map<number, ItemHandle>());
  const register = useCallback((taskId: number, handle: ItemHandle | null) => {
    if (handle) entries.current.set(taskId, handle);
    else entries.current.delete(taskId);
  }, []);

  const { refetch: refetchQuery } = query;
  const refetch = useCallback(() => void refetchQuery(), [refetchQuery]);

  const role = me?.role ?? 'unit_staff';
  const view = query.data;
  const home = role === 'unit_head' ? '/unit-head' : '/unit';
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(home)}>
      返回首页
    </Button>
  );
  if (query.isPending)
    return (
      <Spin style={{ display: 'block', marginTop: 80 }} tip="正在打开本单位报告…">
        <div />
      </Spin>
    );
  if (!view) {
    return (
      <>
        <PageHeader title="本单位报告" extra={back} />
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }

  const { report } = view;
  const editable = role === 'unit_staff' && EDITABLE_STATES.includes(report.state);
  const act = (path: 'submit' | 'approve' | 'head-return', done: string, reason?: string) =>
    transition.mutate(
      { reportId: report.id, path, version: report.version, reason },
      {
        onSuccess: () => {
          setReturning(false);
          void message.success(done);
          toTop();
        },
      },
    );

  const submit = async () => {
    setFlushing(true);
    const results = await Promise.all([...entries.current.values()].map((e) => e.flush()));
    setFlushing(false);
    if (results.every(Boolean)) act('submit', '已提交单位负责人审定');
    else void message.error('有事项未能保存（保存失败或与他人修改冲突），请处理后再提交');
  };

  const canHeadAct = role === 'unit_head' && report.state === 'pending_head';
  const actions = (editable || canHeadAct) && (
    <ActionBar
      testId="report-actions"
      note={`当前状态：${report.standing.label}${editable ? ' · 填写内容自动保存' : ''}`}
    >
      {editable && (
        <Popconfirm
          placement="topRight"
          title="提交负责人审定？"
          description={
            <>
              {blank > 0 && <div style={{ color: '#d46b08' }}>尚有 {blank} 项未填写进展情况，确认提交吗？</div>}
              提交后由单位负责人审定，审定前不能修改。
            </>
          }
          onOpenChange={(open) => {
            if (open) setBlank([...entries.current.values()].filter((e) => e.blank()).length);
          }}
          okText="提交"
          cancelText="取消"
          onConfirm={() => void submit()}
        >
          <Button type="primary" loading={flushing || transition.isPending}>
            {TRANSITIONS.submit.label}
          </Button>
        </Popconfirm>
      )}
      {canHeadAct && (
        <>
          <Button danger onClick={() => setReturning(true)}>
            {TRANSITIONS.head_return.label}
          </Button>
          <Popconfirm
            placement="topRight"
            title="审定并报送督查室？"
            description="报送后由督查室审核，本单位不能再修改。"
            okText="报送"
            cancelText="取消"
            onConfirm={() => act('approve', '已审定并报送督查室')}
          >
            <Button type="primary" loading={transition.isPending}>
              {TRANSITIONS.approve.label}
            </Button>
          </Popconfirm>
        </>
      )}
    </ActionBar>
  );

  return (
    <>
      <PageHeader
        title={`本单位报告 · ${report.periodLabel}`}
        subtitle={`${report.unit.name} · 共 ${view.items.length} 项责任事项`}
        extra={back}
      />
      {transition.error && !returning && <ErrorAlert error={transition.error} />}
      <ReportHeader report={report} items={view.items} hint={hintFor(role, view)} />
      <ReportItems view={view} editable={editable} register={register} onRefetch={refetch} />
      {actions}
      {returning && (
        <ReasonModal
          title="退回修改"
          label="退回原因"
          okText="退回"
          pending={transition.isPending}
          error={transition.error}
          onSubmit={(reason) => act('head-return', '已退回经办人修改', reason)}
          onClose={() => {
            setReturning(false);
            transition.reset();
          }}
        />
      )}
    </>
  );
}
