// Multipart upload of a notice file with real progress.
//
// Why XMLHttpRequest and not the fetch wrapper in api/client.ts: fetch exposes no upload progress,
// and a 10 MB Word file on a slow intranet link needs a progress bar. Everything else (CSRF token,
// error envelope, 401 / CSRF handling) is taken from client.ts so the two paths fail alike.
import { ApiError, apiErrorFromBody, getCsrfToken, reportFailure } from '../api/client';

export type UploadPhase = 'uploading' | 'processing';

export interface UploadProgress {
  phase: UploadPhase;
  /** 0..100 while uploading; 100 once the server is parsing. */
  percent: number;
}

export interface UploadHandle<T> {
  promise: Promise<T>;
  abort: () => void;
}

export function uploadNotice<T>(
  path: string,
  file: File,
  fields: Record<string, string>,
  onProgress: (p: UploadProgress) => void,
): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    const form = new FormData();
    // Fields before the file: the server reads parts in order and `options` must be known by then.
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file, file.name);

    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    const token = getCsrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);

    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable)
        onProgress({ phase: 'uploading', percent: Math.min(99, Math.round((e.loaded / e.total) * 100)) });
    };
    // The bytes are all sent: from here on the wait is the server reading and parsing the file.
    xhr.upload.onload = () => onProgress({ phase: 'processing', percent: 100 });

    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      let error = apiErrorFromBody(xhr.status, body);
      // A proxy in front of Duban may refuse a large body without our error envelope.
      if (error.code === 'HTTP_413') error = new ApiError(413, 'PAYLOAD_TOO_LARGE', '文件过大，超出系统允许的上传大小');
      reportFailure(path, error);
      reject(error);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试'));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', '已取消上传'));
    onProgress({ phase: 'uploading', percent: 0 });
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
