import { Collapse, Typography } from 'antd';
import type { UnreadText } from './types';

/**
 * 未识别为任务的文字: the lines the parser read as no task (and no document fact), with their line
 * numbers, folded by default, so the office can see what was missed and add it after the import.
 */
export function UnreadPanel({ unread }: { unread: UnreadText[] | undefined }) {
  if (!unread || unread.length === 0) return null;
  return (
    <Collapse
      className="unread-panel"
      items={[
        {
          key: 'unread',
          label: `未识别为任务的文字（${unread.length} 行）`,
          children: (
            <>
              <Typography.Paragraph type="secondary">
                以下文字没有读成任务。多为说明、落款等，可以不管；如果其中有任务，请在导入后到任务台账中手工添加，或修改原文件后重新上传。
              </Typography.Paragraph>
              <ol className="unread-lines">
                {unread.map((u) => (
                  <li key={u.line}>
                    <span className="unread-line-no">第 {u.line} 行</span>
                    <span>{u.text}</span>
                  </li>
                ))}
              </ol>
            </>
          ),
        },
      ]}
    />
  );
}
