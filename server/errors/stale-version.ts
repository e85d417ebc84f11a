import { AppError } from './app-error';

/**
 * The refusal of a save made against a version someone else has since replaced (issue 17,
 * finding 11), naming the record: 「保存失败：在您打开之后，他人已先保存了对单位“区交通运输局”的修改…」.
 */
export function staleVersion(record: { zh: string; en: string }) {
  return new AppError('STALE_VERSION', {
    zh: `保存失败：在您打开之后，他人已先保存了对${record.zh}的修改，您的修改未保存。请刷新页面，查看对方的修改后再重新编辑`,
    en: `Someone else saved ${record.en} after you loaded it; nothing was saved: reload, review their change and edit again`,
    complete: true,
  });
}
