/**
 * Renders a generated demo notice as plain text in the layout of the seed (新政办〔2024〕1号, as
 * extracted from its PDF): 文号, title, addressees, body, annex list, signature, then each annex
 * as a tab-separated table. The generated notices go through the real importer, so they must read
 * like a notice an office would upload, not like a fixture.
 */
export type NoticeTable = {
  title: string;
  header: string[];
  rows: string[][];
};

export type NoticeSpec = {
  docNumber: string;
  title: string;
  addressees: string;
  body: string[];
  annexes: NoticeTable[];
  issuer: string;
  /** As printed: "2024年3月8日". */
  date: string;
  cc: string;
};

/** The header repeats every this many rows, as at the page breaks of the printed tables. */
const ROWS_PER_PAGE = 8;

export function renderNotice(spec: NoticeSpec): string {
  const out: string[] = ['', spec.docNumber, '', spec.title, '', spec.addressees, ''];
  for (const p of spec.body) out.push(p, '');
  spec.annexes.forEach((a, i) => out.push(i === 0 ? `附件：1. ${a.title}` : `${i + 1}. ${a.title}`, ''));
  out.push(spec.issuer, '', spec.date, '');
  spec.annexes.forEach((a, i) => {
    out.push(`附件${i + 1}`, '', a.title, '');
    a.rows.forEach((row, r) => {
      if (r % ROWS_PER_PAGE === 0) out.push(...(r === 0 ? [] : ['']), a.header.join('\t'));
      out.push(row.join('\t'));
    });
    out.push('');
  });
  out.push(`抄送：${spec.cc}`, spec.issuer, '', `${spec.date}印发`, '');
  return out.join('\n');
}

/**
 * The usual reporting paragraph, with the office the units report to (区/市/省政府督查室). The
 * parser reads the four deadlines from it, so the year decides the notice's periods.
 */
export function reportingParagraph(office: string, year = 2024): string {
  return (
    `各责任单位要分别于${year}年4月1日、7月1日、10月1日及${year + 1}年1月1日前，将第一、二、三季度及全年责任事项完成情况，` +
    `经本单位主要负责人审定后以书面及电子版形式报送至${office}。`
  );
}
