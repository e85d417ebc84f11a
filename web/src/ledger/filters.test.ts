import { describe, expect, it } from 'vitest';
import { linkFor } from '../inbox/links';
import { apiQuery, exportHref, portfolioLeaderId, searchTerms } from './filters';

const params = (q: string) => new URLSearchParams(q);

describe('ledger filters in the URL', () => {
  it('passes the API its filters and a page size, and drops what it does not know', () => {
    expect(apiQuery(params('annexNo=2&q=充电桩&foo=1'), null)).toBe(
      new URLSearchParams('annexNo=2&q=充电桩&pageSize=20').toString(),
    );
  });

  it('sends unitRole only with a unit', () => {
    expect(apiQuery(params('unitRole=lead'), null)).toBe('pageSize=20');
    expect(apiQuery(params('unitId=3&unitRole=lead'), null)).toBe('unitId=3&unitRole=lead&pageSize=20');
  });

  it('opens a leader on their own portfolio unless they chose all or another leader', () => {
    expect(portfolioLeaderId(params(''), 7)).toBe(7);
    expect(apiQuery(params(''), 7)).toBe('leaderId=7&pageSize=20');
    expect(portfolioLeaderId(params('all=1'), 7)).toBeNull();
    expect(apiQuery(params('all=1'), 7)).toBe('pageSize=20');
    expect(apiQuery(params('leaderId=9'), 7)).toBe('leaderId=9&pageSize=20');
    expect(portfolioLeaderId(params(''), null)).toBeNull();
  });

  it('passes the dashboard’s light and category, and exports every page of the same filter', () => {
    expect(apiQuery(params('light=red&categoryId=4'), null)).toBe('categoryId=4&light=red&pageSize=20');
    expect(apiQuery(params('closed=yes&light=blue'), null)).toBe('light=blue&closed=yes&pageSize=20');
    expect(exportHref(params('unitId=3&page=2&pageSize=50'), null)).toBe('/api/tasks/export.xlsx?unitId=3');
    expect(exportHref(params(''), 7)).toBe('/api/tasks/export.xlsx?leaderId=7');
  });

  it('splits the search into the terms the server matches', () => {
    expect(searchTerms(' 充电桩  养老 ')).toEqual(['充电桩', '养老']);
    expect(searchTerms(null)).toEqual([]);
  });
});

describe('notification links', () => {
  it('sends a unit head to the head’s report page and the office to its report review', () => {
    expect(linkFor('/unit/report/3', 'unit_head')).toBe('/unit-head/report/3');
    expect(linkFor('/unit/report/3', 'unit_staff')).toBe('/unit/report/3');
    expect(linkFor('/reports/5', 'office')).toBe('/office/reports/5');
    expect(linkFor('/reports/5', 'unit_staff')).toBeNull();
    expect(linkFor('/tasks/12', 'leader')).toBe('/tasks/12');
    expect(linkFor(null, 'leader')).toBeNull();
  });
});
