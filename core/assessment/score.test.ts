import { describe, expect, it } from 'vitest';
import { assessmentSchemeSchema } from './schema';
import { DEFAULT_SCHEME, type AssessmentScheme } from './scheme';
import { achievement, rankScores, scoreUnits } from './score';
import type { AssessmentInput, ScoreStanding, ScoreTask } from './types';

/** A report's standing as core/reporting/standing.ts would give it (calendar days, as the scheme's examples). */
const st = (state: string, lateDays: number | null): ScoreStanding => {
  const inOffice = state === 'submitted' || state === 'accepted';
  const reached = lateDays !== null;
  const label = { accepted: '已通过', submitted: '已报送', pending_head: '待负责人审定', draft: '填报中', returned: '退回修改' }[state] ?? state;
  return { kind: reached ? (state === 'accepted' ? 'accepted' : 'reached') : 'pending_head', label, reached, lateDays, inOffice, timelinessLabel: lateDays ? `逾期${lateDays}天报送` : '按时报送' };
};

const P1 = { id: 1, label: '2024年第一季度', noticeId: 1, order: 0, due: true };
const P2 = { id: 2, label: '2024年第二季度', noticeId: 1, order: 1, due: true };
const task = (id: number, role: 'lead' | 'co', indicators: ScoreTask['indicators'] = []): ScoreTask => ({ id, noticeId: 1, annexNo: 1, seq: `(${id})`, role, indicators });
const I1 = { id: 11, name: '新增学位', target: 100, unit: '个', qualifier: null };

function input(overrides: Partial<AssessmentInput> = {}): AssessmentInput {
  return {
    periods: [P1, P2],
    units: [{ id: 1, name: '区甲局', tasks: [task(1, 'lead', [I1]), task(2, 'co')] }],
    reports: [
      { id: 101, periodId: 1, unitId: 1, state: 'accepted', standing: st('accepted', 0), qualityRating: 'excellent' },
      { id: 102, periodId: 2, unitId: 1, state: 'submitted', standing: st('submitted', 4), qualityRating: null },
    ],
    entries: [
      { progressId: 1001, reportId: 101, taskId: 1, status: 'on_track', actuals: [{ indicatorId: 11, value: 20 }] },
      { progressId: 1002, reportId: 101, taskId: 2, status: 'not_started', actuals: [] },
      { progressId: 2001, reportId: 102, taskId: 1, status: 'completed', actuals: [{ indicatorId: 11, value: 130 }] },
      { progressId: 2002, reportId: 102, taskId: 2, status: 'at_risk', actuals: [] },
    ],
    vetoes: [],
    ...overrides,
  };
}

describe('scoreUnits', () => {
  it('scores each part from its sources, with the defaults', () => {
    const [a] = scoreUnits(input(), DEFAULT_SCHEME);
    // 报送: 10 on time + (10 − 4 × 0.5) = 18; 质量: 优 10 + unrated 良 8.5 = 18.5.
    expect(a).toMatchObject({ reporting: 18, quality: 18.5 });
    // 完成: task 1 lead (completed 1.0, indicator capped at 1 → 1.0), task 2 co (at risk 0.5):
    // 60 × (1 × 1 + 0.5 × 0.5) / 1.5 = 50 → lines 40 + 10.
    expect(a!.completion).toBe(50);
    expect(a!.lines.filter((l) => l.part === 'completion').map((l) => [l.points, l.source])).toEqual([
      [40, expect.objectContaining({ kind: 'task', taskId: 1, reportId: 102, progressId: 2001 })],
      [10, expect.objectContaining({ kind: 'task', taskId: 2, reportId: 102, progressId: 2002 })],
    ]);
    // 加分: 130 beats 100 by 30% ≥ 10%, lead → +1.
    expect(a!.bonus).toBe(1);
    expect(a).toMatchObject({ computed: 87.5, final: 87.5, rank: 1, grade: 'good' });
    expect(a!.lines.find((l) => l.part === 'reporting' && l.points === 8)).toMatchObject({
      text: '2024年第二季度报告逾期4天报送，每天扣0.5分，扣2分',
      source: { kind: 'report', periodId: 2, reportId: 102 },
    });
  });

  it('gives nothing for a missing or unapproved report, and keeps the last reported entry', () => {
    const [a] = scoreUnits(
      input({
        reports: [
          { id: 101, periodId: 1, unitId: 1, state: 'accepted', standing: st('accepted', 0), qualityRating: 'excellent' },
          { id: 102, periodId: 2, unitId: 1, state: 'pending_head', standing: st('pending_head', null), qualityRating: null },
        ],
      }),
      DEFAULT_SCHEME,
    );
    expect(a).toMatchObject({ reporting: 10, quality: 10 });
    expect(a!.lines.filter((l) => l.part === 'reporting').map((l) => l.text)).toEqual([
      '2024年第一季度报告按时报送',
      '2024年第二季度报告未报送督查室（待负责人审定），不得分',
    ]);
    // Q1's entries speak: task 1 on track 0.8 with 20/100 → 0.5; task 2 not started → 0: 60 × 0.5 / 1.5 = 20.
    expect(a!.completion).toBe(20);
    expect(a!.bonus).toBe(0);
  });

  it('caps the late deduction at the period’s share and the bonus at its cap', () => {
    const many = Array.from({ length: 8 }, (_, k) => ({ ...I1, id: 20 + k, name: `指标${k}` }));
    const [a] = scoreUnits(
      input({
        units: [{ id: 1, name: '区甲局', tasks: [task(1, 'lead', many)] }],
        reports: [{ id: 101, periodId: 1, unitId: 1, state: 'accepted', standing: st('accepted', 40), qualityRating: null }],
        entries: [{ progressId: 1001, reportId: 101, taskId: 1, status: 'completed', actuals: many.map((i) => ({ indicatorId: i.id, value: 200 })) }],
      }),
      DEFAULT_SCHEME,
    );
    expect(a!.lines[0]).toMatchObject({ points: 0, text: '2024年第一季度报告逾期40天报送，每天扣0.5分，扣10分（扣完为止）' });
    expect(a!.bonus).toBe(5);
    expect(a!.lines.at(-1)).toMatchObject({ points: -3, text: '加分合计8分，超过上限5分，按5分计' });
  });

  it('treats a ceiling (以内) as lower-is-better and a null actual as nothing done', () => {
    const ceiling = { id: 1, name: 'PM2.5', target: 35, unit: '微克/立方米', qualifier: '以内' };
    expect(achievement(ceiling, 30)).toBe(1);
    expect(achievement(ceiling, 70)).toBe(0.5);
    expect(achievement(I1, null)).toBe(0);
    expect(achievement({ ...I1, target: 0 }, 5)).toBeNull();
  });

  it('vetoes (一票否决): final 0, 不合格, last; ties share a rank', () => {
    const units = [
      { id: 1, name: '区甲局', tasks: [task(1, 'lead')] },
      { id: 2, name: '区乙局', tasks: [task(1, 'co')] },
      { id: 3, name: '区丙局', tasks: [task(1, 'co')] },
    ];
    const scored = scoreUnits(input({ units, reports: [], entries: [], vetoes: [{ unitId: 1, reason: '发生重大安全事故' }] }), DEFAULT_SCHEME);
    expect(scored.map((s) => [s.unitName, s.final, s.rank, s.grade, s.vetoed])).toEqual([
      ['区丙局', 0, 1, 'fail', false],
      ['区乙局', 0, 1, 'fail', false],
      ['区甲局', 0, 3, 'fail', true],
    ]);
    const ranked = rankScores(
      [
        { unitId: 1, unitName: '甲', computed: 95, adjustment: 0, vetoed: true },
        { unitId: 2, unitName: '乙', computed: 80, adjustment: 5, vetoed: false },
        { unitId: 3, unitName: '丙', computed: 85, adjustment: 0, vetoed: false },
        { unitId: 4, unitName: '丁', computed: 10, adjustment: -20, vetoed: false },
      ],
      DEFAULT_SCHEME.grades,
    );
    expect(ranked.map((r) => [r.unitName, r.final, r.rank, r.grade])).toEqual([
      ['丙', 85, 1, 'good'],
      ['乙', 85, 1, 'good'],
      ['丁', 0, 3, 'fail'],
      ['甲', 0, 4, 'fail'],
    ]);
  });

  it('follows a configured scheme', () => {
    const scheme: AssessmentScheme = {
      ...DEFAULT_SCHEME,
      weights: { reporting: 30, completion: 50, quality: 20 },
      completion: { ...DEFAULT_SCHEME.completion, roleWeights: { lead: 1, co: 1 }, indicatorShare: 0 },
      quality: { ...DEFAULT_SCHEME.quality, unrated: 'excellent' },
      bonus: { ...DEFAULT_SCHEME.bonus, perIndicator: 0 },
    };
    const [a] = scoreUnits(input(), scheme);
    // 报送 15 + 13; 完成 50 × (1 + 0.5) / 2 = 37.5; 质量 10 + 10.
    expect(a).toMatchObject({ reporting: 28, completion: 37.5, quality: 20, bonus: 0, computed: 85.5 });
  });
});

describe('the scheme schema', () => {
  it('accepts the defaults and refuses parts that do not add up to 100 or grade lines out of order', () => {
    expect(assessmentSchemeSchema.safeParse(DEFAULT_SCHEME).success).toBe(true);
    const bad = assessmentSchemeSchema.safeParse({ ...DEFAULT_SCHEME, weights: { reporting: 20, completion: 60, quality: 30 }, grades: { excellent: 80, good: 90, pass: 60 } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(['weights', 'grades']);
  });
});
