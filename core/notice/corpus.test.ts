// The importer's own corpus (issue 16): notices written in the layouts real offices use, each with
// an expected file that spells out every field of every task. A new layout brings its fixtures.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusDifferences, corpusView, type CorpusNotice } from './corpus';
import { parseNoticeText } from './index';

const dir = new URL('./fixtures/corpus/', import.meta.url);
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

describe('the notice corpus', () => {
  it('holds at least 40 fixtures in at least 14 layouts', () => {
    const layouts = new Set(fixtures.map((f) => f.split('--')[0]));
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    expect(layouts.size).toBeGreaterThanOrEqual(14);
  });

  it.each(fixtures)('%s: every field of every task as expected', (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const expected = JSON.parse(readFileSync(new URL(file.replace(/\.txt$/, '.expected.json'), dir), 'utf8')) as CorpusNotice;
    const diffs = corpusDifferences(expected, corpusView(parseNoticeText(text, { fileName: file })));
    expect(diffs).toEqual([]);
  });
});
