import { Typography } from 'antd';

/**
 * What a stale save says: someone (or another tab) saved first, the page now shows their version,
 * and the clerk's own text is kept here to copy back, so no typing is lost.
 */
export function ConflictNotice({ lostTitle, lostBody }: { lostTitle: string; lostBody: string }) {
  return (
    <>
      <Typography.Paragraph>
        该通报已在其他窗口或由其他同事修改并保存，您的修改未能保存。页面已载入最新内容，请核对后重新修改。
      </Typography.Paragraph>
      <Typography.Paragraph
        type="secondary"
        style={{ marginBottom: 4 }}
        copyable={{ text: lostTitle, tooltips: ['复制标题', '已复制'] }}
      >
        您刚才编辑的标题：{lostTitle}
      </Typography.Paragraph>
      {/* The copy button sits by the caption: the text below may be long and scrolls. */}
      <Typography.Paragraph
        type="secondary"
        style={{ marginBottom: 4 }}
        copyable={{ text: lostBody, tooltips: ['复制正文', '已复制'] }}
      >
        您刚才编辑的正文（可复制后粘贴回正文）
      </Typography.Paragraph>
      <div className="bulletin-lost-body">{lostBody}</div>
    </>
  );
}
