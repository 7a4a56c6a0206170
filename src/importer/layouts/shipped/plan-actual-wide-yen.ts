// Shape (a): a 施策評価シート with 計画値 / 実績値 (and 達成率) per fiscal year across the sheet, the
// year heading merged over its columns; money printed in 円. Kept as TypeScript carrying the YAML so
// that the build (swc compiles .ts only) puts it in dist/ with no file to find at run time.
export const planActualWideYen = String.raw`
name: 計画値・実績値 年度横並び (円)
version: 1
description: >
  施策評価シート: 施策コード・施策名・担当課・指標区分・指標名・単位・方向, then per fiscal year
  計画値, 実績値 and 達成率 under a year heading (令和3年度) merged over the three. Money in 円
  (the unit column says so), stated in 千円. The edition is the year in the title (A1); the
  municipality the cell beside 団体名 (B2).
sheet: 1
header_rows: { from: 4, to: 5 }
fields:
  municipality: { cell: B2 }
  edition: { cell: A1, pattern: '^(\S+?年度)' }
  owner_type: { fixed: measure }
  owner: { column: A, fill_down: true }
  owner_title: { column: B, fill_down: true }
  department: { column: C, fill_down: true }
  kind: { column: D }
  indicator: { column: E }
  unit: { column: F }
  direction: { column: G }
values:
  orientation: wide
  columns: H:Z
skip:
  when:
    - { column: A, matches: '^(備考|注)' }
checks:
  achievement_rate: { rounding: any }
`;
