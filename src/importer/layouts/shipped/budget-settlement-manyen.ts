// Shape (c): a 主要事業 予算・決算一覧: 予算 and 決算 columns per fiscal year for each project's cost and
// its 財源内訳 lines, in 万円, negatives with △, "―" where a figure does not apply, and the measure as an
// 8-digit 施策コード (05030301: 章 05, 節 03, 項 03, 施策 01 → the ledger's 5-3-1). TypeScript carrying
// the YAML, so the build ships it (see plan-actual-wide-yen.ts).
export const budgetSettlementManyen = String.raw`
name: 予算・決算 年度横並び (万円, 8桁施策コード)
version: 1
description: >
  One row per project and cost line (事業費, then its 財源内訳): 施策コード, 事業名, 所管課, 区分, then
  per fiscal year 予算 and 決算 ("令和3年度予算"). Amounts in 万円, stated in 千円. The total rows
  (合計, 小計) are skipped; 事業費 must be the sum of its 財源内訳 lines. Municipality and edition are
  given with the import.
sheet: 1
header_rows: { from: 2, to: 2 }
fields:
  owner_type: { fixed: project }
  measures: { column: A, fill_down: true, code: '^(\d{2})(\d{2})\d{2}(\d{2})$' }
  owner: { column: B, fill_down: true }
  department: { column: C, fill_down: true }
  indicator: { column: D }
  kind: { fixed: COST }
  unit: { fixed: 万円 }
values:
  orientation: wide
  columns: E:Z
skip:
  when:
    - { column: B, matches: '^(合計|小計)' }
checks:
  totals:
    - total: 事業費
      parts: [国庫支出金, 県支出金, 地方債, その他, 一般財源]
`;
