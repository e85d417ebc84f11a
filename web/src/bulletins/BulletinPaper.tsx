import type { Bulletin } from './api';
import { bodyBlocks } from './bodyText';
import { cnDate } from './format';

/**
 * A bulletin laid out like the printed document (GB/T 9704): the red 版头 and number over a red
 * rule, the title centred, the addressee, the text with its numbered headings, and the signature
 * and date on the right.
 */
export function BulletinPaper({ b }: { b: Bulletin }) {
  return (
    <article className="bulletin-paper" data-testid="bulletin-paper">
      <header className="bulletin-head">
        <div className="bulletin-mark">{b.issuerMark}</div>
        <div className="bulletin-docno">{b.docNumber}</div>
        <div className="bulletin-rule" />
      </header>
      <h2 className="bulletin-title">{b.title}</h2>
      {b.addressee && <p className="bulletin-addressee">{b.addressee}</p>}
      <div className="bulletin-body">
        {bodyBlocks(b.body).map((block, i) => (
          <p key={i} className={`bulletin-${block.kind}`}>
            {block.text}
          </p>
        ))}
      </div>
      <div className="bulletin-sign">
        <div>{b.signature}</div>
        <div>{cnDate(b.issueDate)}</div>
      </div>
    </article>
  );
}
