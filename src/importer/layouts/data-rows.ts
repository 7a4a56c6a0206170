// Which rows of a sheet are the table's data: below the header rows, down to the last row (declared, or
// the last with anything in it), less the rows the layout skips (by number, or by a cell matching, such
// as 小計 and 合計) and the empty ones.
import { columnNumber } from '../xlsx/cell-address';
import { cellAt, isEmptyRow, type SheetGrid } from '../xlsx/sheet-grid';
import type { Layout } from './layout-schema';

/** A skip pattern runs on cell text: past this length a cell is no label such as 合計. */
const MAX_MATCHED_LENGTH = 1_000;

export function dataRows(grid: SheetGrid, layout: Layout): number[] {
  const skipped = new Set(layout.skip?.rows ?? []);
  const conditions = (layout.skip?.when ?? []).map((when) => ({ column: columnNumber(when.column) ?? 0, pattern: new RegExp(when.matches, 'u') }));
  const last = Math.min(layout.last_row ?? grid.rowCount, grid.rowCount);
  const rows: number[] = [];
  for (let row = layout.header_rows.to + 1; row <= last; row++) {
    if (skipped.has(row) || isEmptyRow(grid, row)) continue;
    const matches = conditions.some(({ column, pattern }) => {
      const text = cellAt(grid, row, column).text.trim();
      return text.length <= MAX_MATCHED_LENGTH && pattern.test(text);
    });
    if (!matches) rows.push(row);
  }
  return rows;
}
