// A table whose column headers are buttons that sort it: reachable by Tab, named by the header text,
// and the order announced through aria-sort.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { sortRows, type SortDirection, type SortValue } from '../logic/sort';

export interface Column<R> {
  key: string;
  header: string;
  sortValue: (row: R) => SortValue;
  cell: (row: R) => ComponentChildren;
  numeric?: boolean;
}

interface SortableTableProps<R> {
  caption: string;
  columns: ReadonlyArray<Column<R>>;
  rows: readonly R[];
  rowKey: (row: R) => string;
  rowClass?: (row: R) => string | undefined;
}

export function SortableTable<R>({ caption, columns, rows, rowKey, rowClass }: SortableTableProps<R>) {
  const [sort, setSort] = useState<{ key: string; direction: SortDirection } | null>(null);
  const column = sort ? columns.find((c) => c.key === sort.key) : undefined;
  const shown = column && sort ? sortRows(rows, column.sortValue, sort.direction) : rows;
  const toggle = (key: string) =>
    setSort((current) => ({ key, direction: current?.key === key && current.direction === 'ascending' ? 'descending' : 'ascending' }));

  return (
    <div class="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" class={c.numeric ? 'num' : undefined} aria-sort={sort?.key === c.key ? sort.direction : 'none'}>
                <button type="button" class="sort-button" onClick={() => toggle(c.key)}>
                  {c.header}
                  <span aria-hidden="true" class="sort-mark">{sort?.key === c.key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={rowKey(row)} class={rowClass?.(row)}>
              {columns.map((c) => <td key={c.key} class={c.numeric ? 'num' : undefined}>{c.cell(row)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
