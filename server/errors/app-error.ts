import { ERRORS, type ErrorCode } from './catalogue';

/** The only error a service throws on purpose; the HTTP layer maps it through the catalogue. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** Optional specifics (which field, which record); shown after the catalogue message. */
    readonly detail?: {
      zh?: string;
      en?: string;
      fields?: Record<string, string>;
      current?: unknown;
      /** The detail is the whole message (it already says what the catalogue entry says). */
      complete?: boolean;
    },
  ) {
    super(`${code}: ${detail?.en ?? ERRORS[code].en}`);
    this.name = 'AppError';
    this.status = ERRORS[code].status;
  }
}

export type ErrorBody = {
  error: { code: ErrorCode; message: string; messageEn: string; fields?: Record<string, string>; current?: unknown };
};

export function errorBody(code: ErrorCode, detail?: AppError['detail']): ErrorBody {
  const entry = ERRORS[code];
  return {
    error: {
      code,
      message: detail?.zh ? (detail.complete ? detail.zh : `${entry.zh}：${detail.zh}`) : entry.zh,
      messageEn: detail?.en ? (detail.complete ? detail.en : `${entry.en}: ${detail.en}`) : entry.en,
      ...(detail?.fields ? { fields: detail.fields } : {}),
      // The record as it is now, for a refused edit: the client shows the other person's change.
      ...(detail?.current !== undefined ? { current: detail.current } : {}),
    },
  };
}
