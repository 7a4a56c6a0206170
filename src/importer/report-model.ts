// What a report document says, before it becomes commands. Every element keeps the 1-based line it
// came from so events can cite their source and errors can point at it.

import type { IndicatorKind, ValueKind } from '../../events/vocabulary';

export interface ParsedReport {
  /** Fiscal year of the report itself (the year of its 実績 column), e.g. 2021 for 令和3年度. */
  edition: number;
  /** As written in the heading, e.g. 令和3年度 (令和元年度 stays 令和元年度). */
  editionLabel: string;
  measures: ParsedMeasure[];
  projects: ParsedProject[];
  warnings: string[];
}

export interface ParsedChapter {
  number: number;
  title: string;
}

export interface ParsedPolicy {
  code: string;
  title: string;
}

export interface ParsedGoal {
  number: number;
  title: string;
  description: string | null;
  /** The 実績 lines listed under this goal's heading (a subset of ParsedMeasure.results). */
  results?: string[];
}

export interface ParsedMeasure {
  line: number;
  code: string;
  title: string;
  department: string;
  chapter: ParsedChapter;
  policy: ParsedPolicy;
  /** 創生総合戦略 entries as written; empty for 該当なし. */
  strategies: string[];
  purposes: string[];
  goals: ParsedGoal[];
  results: string[];
  /** The 目標値 rows: kind OUTCOME. */
  indicators: ParsedIndicator[];
  gapReason: string | null;
  nextSteps: string | null;
}

export interface ParsedBudgetAccount {
  /** The four numbers joined by '-', e.g. 01-02-01-06. */
  code: string;
  fund: string;
  division: string;
  section: string;
  item: string;
}

export interface ParsedMeasureRef {
  code: string;
  title: string;
}

export interface ParsedProject {
  line: number;
  name: string;
  department: string;
  budgetAccount: ParsedBudgetAccount;
  measures: ParsedMeasureRef[];
  strategies: string[];
  overview: string | null;
  purpose: string | null;
  /** GOAL_STATE (目標), ACTIVITY (活動指標), COST (事業費（千円）) and STAFFING (従事人工) rows. */
  indicators: ParsedIndicator[];
  gapReason: string | null;
  nextSteps: string | null;
}

export interface ParsedIndicator {
  line: number;
  kind: IndicatorKind;
  /** The indicator's name; 事業費 for COST, 従事人工 for STAFFING, the state sentence for GOAL_STATE. */
  name: string;
  /** 団体, %, 回, 人, 千円, 人工 ...; null when no cell carries one (GOAL_STATE, all dashes). */
  unit: string | null;
  values: ParsedValue[];
}

export interface ParsedValue {
  line: number;
  fiscalYear: number;
  kind: ValueKind;
  /** The number the cell states; null for "not applicable" dashes and for sentences. */
  value: number | null;
  /** The cell as published, trimmed, e.g. "17 団体", "—", or a goal-state sentence. */
  text: string;
}
