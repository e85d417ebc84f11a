import dayjs from 'dayjs';

/** 2024-06-25 → 2024年6月25日, the way a document dates itself. */
export const cnDate = (iso: string) => dayjs(iso).format('YYYY年M月D日');

/** A moment in the list (published at): local time to the minute. */
export const dateTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** Where the office reads a unit's report; the readers' pages never link there. */
export const officeReportHref = (reportId: number) => `/office/reports/${reportId}`;

export const taskHref = (taskId: number) => `/tasks/${taskId}`;
