import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Spin } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { TRANSITIONS } from '../../../core/reporting/states';
import { QualityRating } from '../assessment/QualityRating';
import { ErrorAlert } from '../layout/ErrorAlert';
import { PageHeader } from '../layout/PageHeader';
import { QueryError } from '../layout/QueryError';
import { reportingKeys, usePeriodReports, useReport, useTransition } from './api';
import { ChangeSummary, itemChanged } from './form/ChangeSummary';
import { ActionBar } from '../layout/ActionBar';
import { OfficeReturnModal } from './OfficeReturnModal';
import { ReportHeader } from './ReportHeader';
import { ReportItems } from './ReportItems';
import { toTop } from './scroll';
import './reporting.css';

const HINTS: Record<string, string> = {
  submitted:
    '单位已审定报送，请审阅各事项：内容完整准确的审核通过；需修改的退回并写明意见（退回不改变首次报送日期，不计未报送）。',
  accepted: '本报告已审核通过。',
  returned: '本报告已退回单位修改，单位重新报送后可再次审核。',
  draft: '单位正在填报，尚未报送督查室。',
  pending_head: '单位经办人已提交，等待单位负责人审定。',
};

/** 报告审核: the office reads a unit's report and accepts it or returns it with reasons per task. */
export default function OfficeReportPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const query = useReport(id);
  const transition = useTransition(reportingKeys.report(id));
  const [returning, setReturning] = useState(false);
  const [onlyChanged, setOnlyChanged] = useState(false);
  // The office's comment on each item, written in place while it reads (sent with a return).
  const [comments, setComments] = useState<Record<number, string>>({});
  const view = query.data;
  const rows = usePeriodReports(view?.report.periodId ?? 0, { enabled: !!view }).data;
  // 审核下一份: the next report waiting for the office in this period, in the period page's order.
  const waiting = (rows ?? []).filter((r) => r.reportId && r.reportId !== id && (r.standing.kind === 'reached' || r.standing.kind === 'resubmitted'));
  const next = waiting[0];
  const goNext = next && (
    <Button
      type={view?.report.state === 'submitted' ? 'default' : 'primary'}
      onClick={() => {
        setComments({});
        setOnlyChanged(false);
        navigate(`/office/reports/${next.reportId}`);
        toTop();
      }}
    >
      审核下一份（{next.unit.name}，待审 {waiting.length} 份）
    </Button>
  );

  const back = (
    <Button
      icon={<ArrowLeftOutlined />}
      onClick={() => navigate(view ? `/office/periods/${view.report.periodId}` : '/office/periods')}
    >
      返回报送情况
    </Button>
  );
  if (query.isPending)
    return (
      <Spin style={{ display: 'block', marginTop: 80 }} tip="正在加载报告…">
        <div />
      </Spin>
    );
  if (!view) {
    return (
      <>
        <PageHeader title="报告审核" extra={back} />
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const { report } = view;
  const reviewable = report.state === 'submitted';

  const commented = Object.values(comments).filter((c) => c.trim()).length;
  const actions = (reviewable || rows) && (
    <ActionBar
      testId="report-actions"
      note={reviewable ? (commented ? `已在 ${commented} 个事项下填写审核意见` : '请逐项审阅后作出审核结论') : rows && !next ? '本期暂无其他待审核的报告' : undefined}
    >
      {!reviewable && goNext}
      {reviewable && (
        <Button danger onClick={() => setReturning(true)}>
          {TRANSITIONS.office_return.label}
        </Button>
      )}
      {reviewable && (
      <Popconfirm
        placement="topRight"
        title="审核通过本报告？"
        okText="通过"
        cancelText="取消"
        onConfirm={() =>
          transition.mutate(
            { reportId: report.id, path: 'accept', version: report.version },
            {
              onSuccess: () => {
                void message.success('报告已审核通过');
                toTop();
              },
            },
          )
        }
      >
        <Button type="primary" loading={transition.isPending}>
          {TRANSITIONS.accept.label}
        </Button>
      </Popconfirm>
      )}
    </ActionBar>
  );

  return (
    <>
      <PageHeader
        title={`报告审核 · ${report.unit.name}`}
        subtitle={`${report.periodLabel} · 共 ${view.items.length} 项责任事项`}
        extra={back}
      />
      {transition.error && !returning && <ErrorAlert error={transition.error} />}
      <ReportHeader report={report} items={view.items} hint={HINTS[report.state]} />
      <QualityRating reportId={report.id} state={report.state} />
      <ChangeSummary items={view.items} onlyChanged={onlyChanged} onOnlyChanged={setOnlyChanged} />
      <ReportItems
        view={view}
        editable={false}
        compare
        show={onlyChanged ? itemChanged : undefined}
        emptyText="与上期相比没有变化的事项"
        comments={reviewable ? comments : undefined}
        onComment={reviewable ? (taskId, v) => setComments((c) => ({ ...c, [taskId]: v })) : undefined}
      />
      {actions}
      {returning && (
        <OfficeReturnModal
          report={report}
          items={view.items}
          itemComments={comments}
          pending={transition.isPending}
          error={transition.error}
          onSubmit={(r) =>
            transition.mutate(
              { reportId: report.id, path: 'office-return', version: report.version, ...r },
              {
                onSuccess: () => {
                  setReturning(false);
                  setComments({});
                  void message.success(r.invalid ? '已认定为无效报送并退回单位' : '报告已退回单位修改');
                  toTop();
                },
              },
            )
          }
          onClose={() => {
            setReturning(false);
            transition.reset();
          }}
        />
      )}
    </>
  );
}
