// A wide layout's value columns: each column of the declared range whose headings (every header row,
// top to bottom, a merged heading counting for each column it spans) name a fiscal year and a role —
// 令和3年度 over 計画値, R3実績, 令和2年度予算, 平成25年度 (2013年度) for a stacked cell. A heading that
// names no year, or the same year and role twice, is an error at the heading's cell.
import { normalizeName } from '../normalize';
import { ReportParseError } from '../report-errors';
import { columnNumber } from '../xlsx/cell-address';
import { cellAt, placeIn, type SheetGrid } from '../xlsx/sheet-grid';
import type { Layout } from './layout-schema';
import { readYear } from './year-notation';

/** `both` for a stacked layout: the column holds the target over the actual. */
export type ValueRole = 'target' | 'actual' | 'rate' | 'both';

export interface YearColumn {
  column: number;
  fiscalYear: number;
  role: ValueRole;
}

export const DEFAULT_LABELS: Readonly<Record<'target' | 'actual' | 'rate', readonly string[]>> = {
  target: ['計画値', '計画', '目標値', '目標', '当初予算', '予算額', '予算'],
  actual: ['実績値', '実績', '決算額', '決算'],
  rate: ['達成率', '達成度'],
};

type WideValues = Extract<Layout['values'], { orientation: 'wide' }>;

function heading(grid: SheetGrid, layout: Layout, column: number): string {
  const texts: string[] = [];
  for (let row = layout.header_rows.from; row <= layout.header_rows.to; row++) {
    const text = normalizeName(cellAt(grid, row, column).text);
    if (text !== '' && texts[texts.length - 1] !== text) texts.push(text);
  }
  return texts.join(' ');
}

/** The role a heading's label names and the heading without it: 令和3年度 計画値 → target, 令和3年度. */
function roleOf(text: string, values: WideValues): { role: ValueRole; rest: string } | null {
  const labels = { ...DEFAULT_LABELS, ...values.labels };
  const candidates = (['target', 'actual', 'rate'] as const)
    .flatMap((role) => labels[role].map((label) => ({ role, label })))
    .sort((a, b) => b.label.length - a.label.length);
  const found = candidates.find(({ label }) => text.includes(label));
  if (!found) return values.stacked ? { role: 'both', rest: text } : null;
  // What is left around the label: brackets and separators that held it, e.g. 令和3年度（実績）.
  const rest = text.replace(found.label, ' ').replace(/[(（[［]\s*[)）\]］]/g, '').replace(/[\s/／・]+/g, ' ').trim();
  return { role: found.role, rest };
}

export function readYearColumns(grid: SheetGrid, layout: Layout, values: WideValues, file: string | undefined): YearColumn[] {
  const [from = 0, to = 0] = values.columns.split(':').map((letters) => columnNumber(letters) ?? 0);
  const skipped = new Set((layout.skip?.columns ?? []).map((letters) => columnNumber(letters)));
  const columns: YearColumn[] = [];
  const seen = new Set<string>();
  for (let column = from; column <= Math.min(to, Math.max(grid.columnCount, from)); column++) {
    const text = heading(grid, layout, column);
    if (text === '' || skipped.has(column)) continue;
    const fail = (expected: string): never => {
      throw new ReportParseError(placeIn(grid, layout.header_rows.to, column), expected, text.slice(0, 200), file, 'values.columns');
    };
    const role = roleOf(text, values) ?? fail('a heading naming a fiscal year and 計画/実績 (or the labels the layout gives)');
    const year = readYear(role.rest, layout.year_notation ?? 'any');
    if ('problem' in year) return fail(year.problem);
    const key = `${year.year}/${role.role}`;
    if (seen.has(key)) fail(`one column for each year and role, but ${year.year} ${role.role} is named twice`);
    seen.add(key);
    columns.push({ column, fiscalYear: year.year, role: role.role });
  }
  if (columns.length === 0) throw new ReportParseError(placeIn(grid, layout.header_rows.to), `year headings in the columns ${values.columns}`, '', file, 'values.columns');
  return columns;
}
