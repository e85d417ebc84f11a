import type { ReactNode } from 'react';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Marks each search term inside a text, so a clerk who searched 充电桩 sees at once where it is in a
 * long work standard. Returns an array of strings and <mark>s (antd's ellipsis can cut those).
 */
export function highlight(text: string, terms: string[]): ReactNode[] {
  if (terms.length === 0) return [text];
  const re = new RegExp(`(${terms.map(escape).join('|')})`, 'g');
  return text
    .split(re)
    .filter((part) => part !== '')
    .map((part, i) =>
      terms.includes(part) ? (
        <mark key={i} className="ledger-hit">
          {part}
        </mark>
      ) : (
        part
      ),
    );
}
