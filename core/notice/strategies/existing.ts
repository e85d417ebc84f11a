// The two layouts the importer read before strategies: tables with a recognised header row
// (table.ts) and numbered tasks with labelled or parenthesised roles (layouts.ts).

import { parseLabelledLayout } from '../layouts';
import { readHeader } from '../rows';
import { parseTable } from '../table';
import type { LayoutStrategy } from './types';

export const tableStrategy: LayoutStrategy = (rows) => {
  const headers = rows.filter((r) => readHeader(r) !== null);
  if (headers.length === 0) return null;
  const t = parseTable(rows);
  return {
    layout: 'table',
    tasks: t.tasks,
    categories: t.categories,
    anomalies: t.anomalies,
    explainedLines: headers.map((r) => r.line),
    upstreamHeaders: t.upstreamHeaders,
  };
};

export const labelledStrategy: LayoutStrategy = (rows) => {
  const l = parseLabelledLayout(rows);
  return { layout: l.layout, tasks: l.tasks, categories: l.categories, anomalies: l.anomalies, explainedLines: l.explainedLines };
};
