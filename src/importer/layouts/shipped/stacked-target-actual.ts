// Shape (b): a 事務事業評価表 whose year cells stack the target over the actual (上段目標/下段実績:
// "100\n95"), years headed in 平成/令和 with the Gregorian year beside them ("平成30年度 (2018年度)",
// "令和元年度 (2019年度)"). TypeScript carrying the YAML, so the build ships it (see plan-actual-wide-yen.ts).
export const stackedTargetActual = String.raw`
name: 上段目標・下段実績 (和暦・西暦併記)
version: 1
description: >
  One row per project and indicator: 事業名, 担当課, 施策 (code and title), 指標名, 区分, 単位, then one
  cell per fiscal year holding the target above the actual. The edition is the year in the title (A1);
  the municipality is given with the import.
sheet: 1
header_rows: { from: 3, to: 3 }
fields:
  edition: { cell: A1, pattern: '^(\S+?年度)' }
  owner_type: { fixed: project }
  owner: { column: A, fill_down: true }
  department: { column: B, fill_down: true }
  measures: { column: C, fill_down: true }
  indicator: { column: D }
  kind: { column: E }
  unit: { column: F }
values:
  orientation: wide
  columns: G:Z
  stacked: cell
`;
