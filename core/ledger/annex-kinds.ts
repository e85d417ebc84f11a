/** The annex kinds the office chooses from when it starts a ledger by hand, and a default annex title. */
export const ANNEX_KIND_NAMES: Record<string, string> = {
  'district-gwr': '区政府工作报告目标任务',
  'province-gwr': '省政府工作报告交办事项',
  'province-livelihood': '省民生实事交办事项',
  'city-gwr': '市政府工作报告交办事项',
  'city-livelihood': '市民生实事交办事项',
  other: '其他目标任务',
};

export function defaultAnnexTitle(year: number, kind: string): string {
  return `${year}年${ANNEX_KIND_NAMES[kind] ?? ANNEX_KIND_NAMES.other}责任分解表`;
}
