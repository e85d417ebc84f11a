// Document facts: doc number, title, issuer, issue date, reporting deadlines, report-to office,
// and the list of annex titles. Read from the paragraphs before the first table.

import { rowText } from './rows';
import { matchView, normalizeSpaces } from './text';
import type { NoticeDocument, NoticeRow } from './types';

// 新政办〔2024〕1号 — the year brackets come as 〔〕, [], ［］, （）, 【】 depending on the font/extractor.
const DOC_NUMBER = /([\p{Script=Han}]{1,12}[〔[［(（【]\s*(\d{4})\s*[〕\]］)）】]\s*\d+\s*号)/u;
const TITLE_END = /(通知|意见|方案|决定|通报|函|清单|分解表|安排)$/u;
/** A page title line with no 关于/印发: 「2024年民生实事任务分解」「市政府2025年工作要点分工」. */
const BARE_TITLE_END = /(通知|意见|方案|决定|通报|清单|分解表|安排|分工|分解|要点|计划|任务|任务表|分工表|实事)$/u;

// Fields of a government disclosure page (政府信息公开): 「发文字号：鄂政办发〔2024〕5号」
// 「成文日期：2024年02月20日」「发布机构：湖北省人民政府办公厅」; several may share a line.
const FIELD_NEXT = '(?=\\s|$|索引号|主题分类|发文机关|发布机构|成文日期|发文字号|发布日期|发布时间|标题|有效性)';
const DATE_VALUE = '(\\d{4})\\s*[年\\-/.]\\s*(\\d{1,2})\\s*[月\\-/.]\\s*(\\d{1,2})';
const WRITTEN_DATE = new RegExp(`(?:成文日期|发文日期|印发日期)\\s*[:：]\\s*${DATE_VALUE}`, 'u');
const PUBLISHED_DATE = new RegExp(`(?:发布时间|发布日期|公开日期)\\s*[:：]\\s*${DATE_VALUE}`, 'u');
const ISSUER_FIELD = new RegExp(`(?:发文机关|发布机构|发文单位|制发机关)\\s*[:：]\\s*([^\\s:：]{2,30}?)${FIELD_NEXT}`, 'u');
const TITLE_FIELD = new RegExp(`^(?:标\\s*题|名\\s*称)\\s*[:：]\\s*(.{4,80}?)${FIELD_NEXT}`, 'u');

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A paragraph that is only a date ("2024 年 4 月 2 日"), i.e. the signature date. */
function dateOnly(text: string): string | null {
  const m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/u.exec(text.trim());
  return m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/**
 * Dates in a sentence where later dates omit the year: "2024年4月1日、7月1日、10月1日及2025年1月1日前".
 * Each bare "M月D日" inherits the last year seen.
 */
export function datesInSentence(text: string): string[] {
  const out: string[] = [];
  let year: number | null = null;
  const re = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/gu;
  for (const m of text.matchAll(re)) {
    if (m[1] !== undefined) year = Number(m[1]);
    if (year === null) continue;
    out.push(iso(year, Number(m[2]), Number(m[3])));
  }
  return out;
}

/** Reads the annex list "附件：1. …  2. …" (titles wrap across paragraphs: "…责任细" + "化分解表"). */
function readAnnexTitles(paras: string[]): string[] {
  const start = paras.findIndex((p) => /^附\s*件\s*[:：]/u.test(p));
  if (start < 0) return [];
  const titles: string[] = [];
  for (let i = start; i < paras.length; i++) {
    let p = paras[i] ?? '';
    if (i === start) p = p.replace(/^附\s*件\s*[:：]\s*/u, '');
    const m = /^(\d+)\s*[.．、]\s*(.+)$/u.exec(p);
    if (m?.[2] !== undefined) {
      titles.push(normalizeSpaces(m[2]));
    } else if (titles.length > 0 && !dateOnly(p) && !/(办公室|人民政府|委员会)$/u.test(p)) {
      const last = titles.length - 1;
      if (TITLE_END.test(titles[last] ?? '')) break;
      titles[last] = normalizeSpaces(`${titles[last] ?? ''}${p}`);
    } else {
      break;
    }
  }
  return titles;
}

export function readDocumentFacts(rows: NoticeRow[], fileName?: string): NoticeDocument {
  // Paragraphs before the first table row; table cells never carry document facts.
  const firstTable = rows.findIndex((r) => r.cells.length >= 3);
  const head = firstTable < 0 ? rows : rows.slice(0, firstTable);
  const paras = head.map((r) => matchView(rowText(r)));
  const printed = head.map((r) => rowText(r));
  const allText = rows.map((r) => matchView(rowText(r)));
  const pageFacts = readPageFacts(allText, rows.map((r) => rowText(r)));

  let docNumber: string | null = null;
  let docIdx = -1;
  for (let i = 0; i < paras.length && docNumber === null; i++) {
    const m = DOC_NUMBER.exec(paras[i] ?? '');
    if (m?.[1] !== undefined) {
      // Matched on the simplified view, reported as printed (same indexes).
      docNumber = (printed[i] ?? '').slice(m.index, m.index + m[1].length).replace(/\s+/g, '');
      docIdx = i;
    }
  }

  // Title: the first paragraph (after the doc number) that reads "…关于…" or ends like a title;
  // it may wrap over several paragraphs, so join until a title ending is reached.
  // The title usually follows the doc number, but some templates put it first.
  let title: string | null = null;
  const order = [...paras.keys()].slice(docIdx + 1, docIdx + 9).concat([...paras.keys()].slice(0, Math.max(0, docIdx)));
  for (const i of order) {
    if (title !== null) break;
    const p = paras[i] ?? '';
    // A title has no full stop: 「现将《…》印发给你们。」 is the body.
    if (!/关于|印发/u.test(p) || DOC_NUMBER.test(p) || /[:：]$/u.test(p) || /。/u.test(p)) continue;
    let t = printed[i] ?? '';
    for (let j = i + 1; !TITLE_END.test(matchView(normalizeSpaces(t))) && j < i + 4; j++) {
      const next = printed[j];
      // A line ending in a colon (the salutation) or opening with a key (「任务名称：…」) is no title.
      if (next === undefined || /[:：]$/u.test(next) || /^[^，。,:：]{2,8}[:：]/u.test(next)) break;
      t += next;
    }
    title = normalizeSpaces(t);
  }

  // Issuer and date: the signature block — a date-only paragraph preceded by the issuing body.
  let issuer: string | null = null;
  let issuedDate: string | null = null;
  for (let i = 0; i < paras.length; i++) {
    const d = dateOnly(paras[i] ?? '');
    if (d === null) continue;
    issuedDate = d;
    const prev = printed[i - 1];
    if (prev !== undefined && /(办公室|人民政府|委员会|局|厅|委|办|国务院|部|署)$/u.test(matchView(prev))) {
      issuer = normalizeSpaces(prev);
    }
    break;
  }
  // A disclosure page's 成文日期 is the notice's date.
  issuedDate ??= pageFacts.writtenDate;
  if (issuedDate === null) {
    // Fall back to the print line at the end: "2024年4月2日印发".
    for (const p of allText) {
      const m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*印发/u.exec(p);
      if (m) issuedDate = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    }
  }
  // A web page's 发布时间 is when the page went up, not the notice's date: the last resort.
  issuedDate ??= pageFacts.publishedDate;

  // A disclosure page's fields, and the page's own title line: facts where the letterhead is missing.
  if (title === null) title = pageFacts.title ?? bareTitle(paras, printed);
  issuer ??= pageFacts.issuer;

  // Reporting deadlines and the office reports go to: the paragraph that asks for reports
  // by quarter ("分别于…前，将第一、二、三季度及全年…报送至区政府督查室").
  let reportingDeadlines: string[] = [];
  let reportTo: string | null = null;
  for (const [i, p] of paras.entries()) {
    if (!/报送|上报|报至|报送至/u.test(p)) continue;
    const sentences = p.split(/。/u);
    const si = Math.max(
      0,
      sentences.findIndex((s) => /报送|上报|报至/u.test(s)),
    );
    const sentence = sentences[si] ?? p;
    const sentenceStart = sentences.slice(0, si).reduce((n, s) => n + s.length + 1, 0);
    const dates = datesInSentence(sentence);
    if (dates.length > 0 && reportingDeadlines.length === 0) reportingDeadlines = dates;
    // "…以书面及电子版形式报送至区政府督查室", "报送进展情况至区政府督查室": the office follows 至/到/给.
    const at = sentence.search(/报送|上报|报至/u);
    const after = sentence.slice(at);
    const to =
      /(?:至|到|给)((?:区|县|市|省)[^，。；,;\s至到给]{1,20}?)(?:。|，|；|$)/u.exec(after) ??
      /(?:报送|上报)((?:区|县|市|省)[^，。；,;\s]{1,20}?)(?:。|，|；|$)/u.exec(after);
    if (to?.[1] !== undefined && reportTo === null) {
      const from = sentenceStart + at + to.index + to[0].indexOf(to[1]);
      reportTo = (printed[i] ?? '').slice(from, from + to[1].length);
    }
  }

  // A notice with neither date nor 文号 may still name its year in the title (「2024年重点工作…」).
  const yearSource =
    issuedDate ?? (docNumber ? /\d{4}/.exec(docNumber)?.[0] : undefined) ?? (title ? yearOfTitle(matchView(title)) : undefined);
  const year = yearSource ? Number(yearSource.slice(0, 4)) : null;

  return {
    docNumber,
    title,
    issuer,
    issuedDate,
    year,
    reportingDeadlines,
    reportTo,
    annexTitles: readAnnexTitles(printed),
    fileName: fileName ?? null,
  };
}

interface PageFacts {
  title: string | null;
  issuer: string | null;
  writtenDate: string | null;
  publishedDate: string | null;
}

/** The fields of a disclosure page (the first of each), read on the simplified view, kept as printed. */
function readPageFacts(views: string[], printed: string[]): PageFacts {
  const out: PageFacts = { title: null, issuer: null, writtenDate: null, publishedDate: null };
  const date = (m: RegExpExecArray | null): string | null =>
    m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  views.forEach((v, i) => {
    if (!/[:：]/u.test(v)) return;
    out.writtenDate ??= date(WRITTEN_DATE.exec(v));
    out.publishedDate ??= date(PUBLISHED_DATE.exec(v));
    const p = printed[i] ?? '';
    const issuer = ISSUER_FIELD.exec(v);
    if (issuer?.[1] !== undefined && out.issuer === null) {
      const at = issuer.index + issuer[0].length - issuer[1].length;
      out.issuer = p.slice(at, at + issuer[1].length);
    }
    const title = TITLE_FIELD.exec(v);
    if (title?.[1] !== undefined && out.title === null) {
      const at = title.index + title[0].length - title[1].length;
      out.title = normalizeSpaces(p.slice(at, at + title[1].length));
    }
  });
  return out;
}

/**
 * A page title with no 关于/印发 (「2024年城区更新重点任务分解」): among the first lines, a short one
 * with no sentence punctuation that ends like a title and is not a numbered heading.
 */
function bareTitle(paras: string[], printed: string[]): string | null {
  for (let i = 0; i < Math.min(paras.length, 8); i++) {
    const p = normalizeSpaces(paras[i] ?? '');
    if (p.length < 6 || p.length > 60 || /[。，,；;:：]/u.test(p)) continue;
    if (/^([一二三四五六七八九十]+、|[(（]|\d{1,2}\s*[.、．]|[①-⑳])/u.test(p)) continue;
    if (BARE_TITLE_END.test(p)) return normalizeSpaces(printed[i] ?? '');
  }
  return null;
}

/** The year a title names: 「2024年…」, or a Taiwan (民国) year 「113年度…」 = 1911 + 113. */
function yearOfTitle(title: string): string | undefined {
  const western = /(20\d{2})\s*年/u.exec(title)?.[1];
  if (western !== undefined) return western;
  const roc = /(?<!\d)(1[0-2]\d)\s*年度/u.exec(title)?.[1];
  return roc === undefined ? undefined : String(1911 + Number(roc));
}
