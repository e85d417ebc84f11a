import { describe, expect, it } from 'vitest';
import { workCalendar } from '../calendar/work-calendar';
import { reportStanding, type ReportHistory } from './standing';

const calendar = workCalendar();
const q1 = { deadline: '2024-04-01', extendedDeadline: null };
const q3 = { deadline: '2024-10-01', extendedDeadline: null };
const report = (over: Partial<ReportHistory>): ReportHistory => ({ state: 'draft', firstReachedOn: null, officeReturns: 0, invalidReturn: false, returnedBy: null, resubmitBy: null, ...over });
const at = (today: string) => ({ today, calendar });

describe('where a unit report stands', () => {
  it('a report returned by the office still reached it on time (issue 14)', () => {
    const s = reportStanding(report({ state: 'returned', firstReachedOn: '2024-03-31', officeReturns: 1, returnedBy: 'office', resubmitBy: '2024-07-05' }), q1, at('2024-06-25'));
    expect(s).toMatchObject({ kind: 'returned', reached: true, reachedOn: '2024-03-31', lateDays: 0, overdueDays: null, timeliness: 'on_time', inOffice: false });
    expect(s.text).toBe('退回修改（3月31日按时报送，请于7月5日前重新报送）');
  });

  it('keeps the first arrival when resubmitted after the deadline', () => {
    const s = reportStanding(report({ state: 'submitted', firstReachedOn: '2024-03-29', officeReturns: 1 }), q1, at('2024-06-25'));
    expect(s).toMatchObject({ kind: 'resubmitted', timeliness: 'on_time', lateDays: 0, inOffice: true });
  });

  it('a return ruled not a valid report leaves the unit without a report until it comes back', () => {
    const missing = reportStanding(report({ state: 'returned', officeReturns: 1, invalidReturn: true, returnedBy: 'office' }), q1, at('2024-04-10'));
    expect(missing).toMatchObject({ kind: 'drafting', reached: false, timeliness: 'missing', label: '退回重报（不作为有效报送）' });
    const back = reportStanding(report({ state: 'submitted', firstReachedOn: '2024-04-10', officeReturns: 1, invalidReturn: true }), q1, at('2024-04-12'));
    expect(back).toMatchObject({ kind: 'resubmitted', timeliness: 'late', lateDays: 6 });
  });

  it('counts lateness in working days after a holiday deadline (Q3 2024: 10月1日 → 10月8日)', () => {
    expect(reportStanding(report({ state: 'submitted', firstReachedOn: '2024-10-08' }), q3, at('2024-10-20'))).toMatchObject({ timeliness: 'on_time', lateDays: 0, deadline: { effective: '2024-10-08' } });
    const late = reportStanding(report({ state: 'submitted', firstReachedOn: '2024-10-10' }), q3, at('2024-10-20'));
    expect(late).toMatchObject({ timeliness: 'late', lateDays: 2, timelinessLabel: '逾期2个工作日报送' });
  });

  it('follows an extension', () => {
    const p = { deadline: '2024-07-01', extendedDeadline: '2024-07-10' };
    expect(reportStanding(report({ state: 'submitted', firstReachedOn: '2024-07-09' }), p, at('2024-07-20')).timeliness).toBe('on_time');
    expect(reportStanding(null, p, at('2024-07-05')).timeliness).toBe('pending');
    expect(reportStanding(null, p, at('2024-07-12'))).toMatchObject({ timeliness: 'missing', overdueDays: 2 });
  });

  it('says missing, with days, only past the deadline in force', () => {
    expect(reportStanding(null, q1, at('2024-04-01'))).toMatchObject({ kind: 'not_started', timeliness: 'pending' });
    expect(reportStanding(report({ state: 'pending_head' }), q1, at('2024-04-03'))).toMatchObject({ kind: 'pending_head', timeliness: 'missing', overdueDays: 2 });
  });

  it('an exempt unit is neither missing nor late', () => {
    expect(reportStanding(null, q1, at('2024-06-25'), { exempt: true })).toMatchObject({ kind: 'exempt', timeliness: 'exempt', overdueDays: null });
  });

  it('on a past day, a later arrival has not happened yet', () => {
    const r = report({ state: 'accepted', firstReachedOn: '2024-04-09' });
    expect(reportStanding(r, q1, at('2024-04-05'))).toMatchObject({ reached: false, timeliness: 'missing', inOffice: false });
    expect(reportStanding(r, q1, at('2024-04-09'))).toMatchObject({ kind: 'accepted', reached: true, timeliness: 'late' });
  });

  it('a report the head returned before it reached the office is still with the unit', () => {
    expect(reportStanding(report({ state: 'returned', returnedBy: 'unit_head' }), q1, at('2024-03-20'))).toMatchObject({ kind: 'drafting', label: '负责人退回修改', timeliness: 'pending' });
  });
});
