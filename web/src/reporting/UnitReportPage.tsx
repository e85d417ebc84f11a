import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Spin } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { DEFAULT_COMPLETENESS, entryAsked, entryBlank, entryLabel, entryLacks } from '../../../core/reporting/completeness';
import { useNavigate, useParams } from 'react-router';
import { EDITABLE_STATES, TRANSITIONS } from '../../../core/reporting/states';
import { useSession } from '../auth/session';
import { ErrorAlert } from '../layout/ErrorAlert';
import { useIsPhone } from '../layout/useIsPhone';
import { PageHeader } from '../layout/PageHeader';
import { QueryError } from '../layout/QueryError';
import { copyForward, reportingKeys, useCompletenessPolicy, useMyReport, useTransition, type ReportItem, type ReportView } from './api';
import { ChangeSummary, itemChanged } from './form/ChangeSummary';
import { FillBar } from './form/FillBar';
import { ItemStepper } from './form/ItemStepper';
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
    if (s === 'pending_head') return '报告已提交单位负责人审定，审定前不能修改。负责人审定前，您可以“撤回”后修改。';
    if (s === 'submitted') return '报告已由单位负责人审定并报送督查室，等待督查室审核。';
    if (s === 'accepted') return '督查室已审核通过本期报告。';
    if ((s === 'returned' || s === 'draft') && view.report.returnedByRole === 'office')
      return '请按督查室意见修改（填写内容自动保存），完成后点击“提交负责人审定”，经负责人审定后重新报送督查室。';
    return '填写内容自动保存。全部事项填写完成后，请点击“提交负责人审定”。';
  }
  if (s === 'pending_head') return '经办人已提交本期报告，请审阅各事项后审定报送督查室，或退回修改并说明原因。';
  if (s === 'draft' || s === 'returned') return '报告正由经办人填报，提交审定后您可在此审定。';
  if (s === 'submitted') return '报告已报送督查室，等待督查室审核。督查室审核前，您可以“撤回报送”。';
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
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [copying, setCopying] = useState(false);
  const [foldFilled, setFoldFilled] = useState(0);
  // Which entries are complete, as the clerk types (each card reports its own).
  const [filledNow, setFilledNow] = useState<Record<number, boolean>>({});
  // On a phone the clerk fills one item at a time; which one (by task, so a filter keeps her place).
  const phone = useIsPhone();
  const [stepTaskId, setStepTaskId] = useState<number | null>(null);
  const policy = useCompletenessPolicy().data ?? DEFAULT_COMPLETENESS;
  const entries = useRef(new Map<number, ItemHandle>());
  const onFilled = useCallback((taskId: number, filled: boolean) => setFilledNow((m) => (m[taskId] === filled ? m : { ...m, [taskId]: filled })), []);
  const register = useCallback((taskId: number, handle: ItemHandle | null) => {
    if (handle) entries.current.set(taskId, handle);
    else entries.current.delete(taskId);
  }, []);

  const { refetch: refetchQuery } = query;
  const refetch = useCallback(() => void refetchQuery(), [refetchQuery]);

  const role = me?.role ?? 'unit_staff';
  const view = query.data;
  const asked = useCallback(
    (i: ReportItem) => entryAsked({ ...i, closed: i.closedOn !== null }, policy),
    [policy],
  );
  const filled = useMemo(
    () => new Set((view?.items ?? []).filter((i) => filledNow[i.taskId] ?? entryLacks(i).length === 0).map((i) => i.taskId)),
    [view, filledNow],
  );
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
  const missing = view.items.filter((i) => asked(i) && !filled.has(i.taskId));
  const copyable = view.items.filter((i) => i.previous && asked(i) && !filled.has(i.taskId) && entryBlank(i)).length;
  const copy = async (taskIds?: number[]) => {
    // What is typed goes first, so the server sees which entries are really blank.
    await Promise.all([...entries.current.values()].map((e) => e.flush()));
    try {
      const { copied } = await copyForward(report.id, taskIds);
      if (!taskIds) void message.success(copied ? `已沿用上期内容填入 ${copied} 个事项，请修改本期有变化的内容` : '没有可沿用的未填事项');
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
    await refetchQuery();
  };
  const act = (path: 'submit' | 'approve' | 'head-return' | 'withdraw' | 'head-withdraw', done: string, reason?: string) =>
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

  // 只看未填 starts (on a phone) at the first item still to fill.
  const showMissing = (on: boolean) => {
    setOnlyMissing(on);
    if (on) setStepTaskId(missing[0]?.taskId ?? null);
  };
  const shown = editable && onlyMissing ? (i: ReportItem) => asked(i) && !filled.has(i.taskId) : !editable && onlyChanged ? itemChanged : undefined;
  // The item on screen stays in the list while she types, even when 只看未填 would drop it once filled.
  const stepItems = phone && editable ? view.items.filter((i) => !shown || shown(i) || i.taskId === stepTaskId) : [];
  const stepIndex = Math.max(0, stepItems.findIndex((i) => i.taskId === stepTaskId));
  const stepping = stepItems.length > 0;
  const stepper = (placement: 'top' | 'bottom') =>
    stepping && (
      <ItemStepper
        items={stepItems}
        index={stepIndex}
        onIndex={(k) => setStepTaskId(stepItems[k]!.taskId)}
        done={(i) => !asked(i) || filled.has(i.taskId)}
        placement={placement}
      />
    );

  const canHeadAct = role === 'unit_head' && report.state === 'pending_head';
  const canWithdraw = role === 'unit_staff' && report.state === 'pending_head';
  const canHeadWithdraw = role === 'unit_head' && report.state === 'submitted';
  const actions = (editable || canHeadAct || canWithdraw || canHeadWithdraw) && (
    <ActionBar
      testId="report-actions"
      note={`当前状态：${report.standing.label}${editable ? ' · 填写内容自动保存' : ''}`}
    >
      {editable &&
        (missing.length > 0 ? (
          <Popconfirm
            placement="topRight"
            title={`尚有 ${missing.length} 个事项未填写完整，暂不能提交`}
            description={
              <div style={{ maxWidth: 360 }} data-testid="missing-list">
                {missing.slice(0, 8).map((i) => (
                  <div key={i.taskId}>
                    {entryLabel(i)}：未填{entryLacks({ status: i.status, narrative: '' }).join('、')}
                  </div>
                ))}
                {missing.length > 8 && <div>等 {missing.length} 项</div>}
              </div>
            }
            okText="只看未填"
            cancelText="关闭"
            onConfirm={() => {
              showMissing(true);
              toTop();
            }}
          >
            <Button type="primary">{TRANSITIONS.submit.label}</Button>
          </Popconfirm>
        ) : (
          <Popconfirm
            placement="topRight"
            title="提交负责人审定？"
            description="提交后由单位负责人审定；负责人审定前可以撤回修改。"
            okText="提交"
            cancelText="取消"
            onConfirm={() => void submit()}
          >
            <Button type="primary" loading={flushing || transition.isPending}>
              {TRANSITIONS.submit.label}
            </Button>
          </Popconfirm>
        ))}
      {canWithdraw && (
        <Popconfirm
          placement="topRight"
          title="撤回本期报告？"
          description="撤回后可继续修改，修改完成后需重新提交负责人审定。"
          okText="撤回"
          cancelText="取消"
          onConfirm={() => act('withdraw', '已撤回，可以继续修改')}
        >
          <Button loading={transition.isPending}>{TRANSITIONS.withdraw.label}</Button>
        </Popconfirm>
      )}
      {canHeadWithdraw && (
        <Popconfirm
          placement="topRight"
          title="撤回已报送督查室的报告？"
          description="督查室审核前可以撤回。撤回后报告回到待您审定，须重新审定报送；报送时间以重新报送为准。"
          okText="撤回报送"
          cancelText="取消"
          onConfirm={() => act('head-withdraw', '已撤回报送，报告回到待审定')}
        >
          <Button loading={transition.isPending}>{TRANSITIONS.head_withdraw.label}</Button>
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
      {editable && (
        <FillBar
          items={view.items}
          filled={filled}
          asked={asked}
          copyable={copyable}
          copying={copying}
          onCopyAll={() => {
            setCopying(true);
            void copy()
              .then(() => setFoldFilled((n) => n + 1))
              .finally(() => setCopying(false));
          }}
          onlyMissing={onlyMissing}
          onOnlyMissing={showMissing}
          onJump={stepping ? setStepTaskId : undefined}
        />
      )}
      {!editable && role === 'unit_head' && <ChangeSummary items={view.items} onlyChanged={onlyChanged} onOnlyChanged={setOnlyChanged} />}
      {stepper('top')}
      <ReportItems
        view={view}
        editable={editable}
        register={register}
        onRefetch={refetch}
        onFilled={editable ? onFilled : undefined}
        onCopyForward={editable ? (taskId) => copy([taskId]) : undefined}
        compare={!editable && role === 'unit_head'}
        foldFilled={foldFilled}
        show={stepping ? (i) => i.taskId === stepItems[stepIndex]!.taskId : shown}
        unfolded={stepping}
        emptyText={onlyMissing ? '所有事项均已填写，可以提交' : onlyChanged ? '与上期相比没有变化的事项' : undefined}
      />
      {stepper('bottom')}
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
