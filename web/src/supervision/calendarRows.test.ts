import { describe, expect, it } from 'vitest';
import { listedDaysOfYear } from '../../../core/calendar/listed-days';
import { calendarRows, clashes, datesBetween, withDays } from './calendarRows';

describe('the 工作日历 table', () => {
  it('folds each holiday into one row and keeps adjusted workdays apart', () => {
    const rows = calendarRows(listedDaysOfYear({ days: [] }, 2024));
    const national = rows.find((r) => r.from === '2024-10-01')!;
    expect(national).toMatchObject({ to: '2024-10-07', name: '国庆节', off: true, source: 'shipped' });
    expect(national.dates).toHaveLength(7);
    expect(rows.filter((r) => r.name === '国庆节调休上班').map((r) => r.from)).toEqual(['2024-09-29', '2024-10-12']);
  });

  it('shows the office’s days as their own rows, with what they replace', () => {
    const days = [
      { date: '2024-10-07', off: false, name: '本区值班' },
      { date: '2027-10-01', off: true, name: '国庆节' },
    ];
    const rows = calendarRows(listedDaysOfYear({ days }, 2024));
    expect(rows.find((r) => r.from === '2024-10-01')).toMatchObject({ to: '2024-10-06', source: 'shipped' });
    expect(rows.find((r) => r.from === '2024-10-07')).toMatchObject({
      source: 'office',
      replaces: { off: true, name: '国庆节' },
    });
    expect(calendarRows(listedDaysOfYear({ days }, 2027))).toEqual([
      {
        key: 'office:2027-10-01',
        from: '2027-10-01',
        to: '2027-10-01',
        dates: ['2027-10-01'],
        off: true,
        name: '国庆节',
        source: 'office',
        replaces: null,
      },
    ]);
  });

  it('edits the office’s days: a run replaces the row edited, clashes with other rows are found', () => {
    expect(datesBetween('2027-09-30', '2027-10-02')).toEqual(['2027-09-30', '2027-10-01', '2027-10-02']);
    const days = [
      { date: '2027-01-01', off: true, name: '元旦' },
      { date: '2027-10-01', off: true, name: '国庆' },
    ];
    const run = datesBetween('2027-10-01', '2027-10-03').map((date) => ({ date, off: true, name: '国庆节' }));
    expect(withDays(days, ['2027-10-01'], run).map((d) => `${d.date} ${d.name}`)).toEqual([
      '2027-01-01 元旦',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
    ]);
    expect(withDays(days, ['2027-01-01'], [])).toEqual([days[1]]);
    expect(clashes(days, ['2027-10-01', '2027-10-02'], [])).toEqual([days[1]]);
    expect(clashes(days, ['2027-10-01', '2027-10-02'], ['2027-10-01'])).toEqual([]);
  });
});
