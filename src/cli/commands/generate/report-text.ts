// Renders one municipality's report for one edition in the layout of the bundled sample (施策 sheets
// with 目標値 tables, 実施計画兼予算要求書 sheets with 目標/活動指標/事業費/従事人工 rows), so generated
// ledgers go through the real parser, deciders and store, exactly as an imported report does.
import { fiscalYearLabel } from '../../../domain/fiscal-year';
import type { MunicipalPlan, PlanIndicator, PlanMeasure, PlanProject } from './municipal-plan';
import { seedOf, seeded } from './random';

export interface EditionShape {
  /** The report's fiscal year: its 実績 column. */
  edition: number;
  /** The first edition ever imported: targets are first stated from there on. */
  firstEdition: number;
  /** Year columns: the edition's own year (target and actual) and the targets of years − 1 following years. */
  years: number;
}

const REVISION_CHANCE = 0.25;
const NOT_APPLICABLE_CHANCE = 0.03;

const round = (value: number, decimals: number): number => Number(Math.max(0, value).toFixed(decimals));

/**
 * How `edition` restates the plan's target for `year`: null for a "not applicable" cell, otherwise a factor
 * on the plan's figure: 1 until some later edition revises it, then whatever the latest revision chose.
 */
function targetFactor(plan: MunicipalPlan, indicator: PlanIndicator, year: number, edition: number, shape: EditionShape): number | null {
  if (seeded(seedOf(plan.index, indicator.salt, year))() < NOT_APPLICABLE_CHANCE && year !== edition) return null;
  let factor = 1;
  const firstStated = Math.max(shape.firstEdition, year - shape.years + 1);
  for (let e = firstStated + 1; e <= edition; e++) {
    const random = seeded(seedOf(plan.index, indicator.salt, year, e));
    if (random() < REVISION_CHANCE) factor = 0.8 + random() * 0.4;
  }
  return factor;
}

function targetOf(plan: MunicipalPlan, indicator: PlanIndicator, year: number, edition: number, shape: EditionShape): number | null {
  const factor = targetFactor(plan, indicator, year, edition, shape);
  return factor === null ? null : round((indicator.base + indicator.growth * (year - shape.firstEdition)) * factor, indicator.decimals);
}

function actualOf(plan: MunicipalPlan, indicator: PlanIndicator, year: number, target: number | null): number {
  const random = seeded(seedOf(plan.index, indicator.salt, year, 0xac7));
  const planned = target ?? indicator.base;
  return round(planned * (0.6 + random() * 0.7), indicator.decimals);
}

function figure(indicator: PlanIndicator, value: number | null): string {
  if (value === null) return '—';
  switch (indicator.kind) {
    case 'COST':
      // 6,160: thousands grouped as the reports print them (toLocaleString is slow enough to show in a profile).
      return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    case 'STAFFING':
      return value.toFixed(1);
    case 'OUTCOME':
      return indicator.unit === '%' ? `${value.toFixed(indicator.decimals)}%` : `${value} ${indicator.unit}`;
    default:
      return `${value}${indicator.unit}`;
  }
}

/** The year columns: own-year target, own-year actual, then the following years' targets. */
function columns(shape: EditionShape): { year: number; actual: boolean }[] {
  const list = [
    { year: shape.edition, actual: false },
    { year: shape.edition, actual: true },
  ];
  for (let y = 1; y < shape.years; y++) list.push({ year: shape.edition + y, actual: false });
  return list;
}

function cells(plan: MunicipalPlan, indicator: PlanIndicator, shape: EditionShape): string[] {
  return columns(shape).map(({ year, actual }) => {
    if (indicator.kind === 'GOAL_STATE') {
      if (actual) return `${fiscalYearLabel(year)}は${indicator.name.replace(/状態$/, '')}ための取組を実施しました。`;
      // Restated unchanged by later editions unless the target itself was revised.
      const factor = targetFactor(plan, indicator, year, shape.edition, shape);
      if (factor === null) return '—';
      return factor === 1 ? `${indicator.name}（${fiscalYearLabel(year)}）` : `${indicator.name}を一層高める（${fiscalYearLabel(year)}・${factor.toFixed(2)}）`;
    }
    const target = targetOf(plan, indicator, year, shape.edition, shape);
    return figure(indicator, actual ? actualOf(plan, indicator, year, target) : target);
  });
}

function header(shape: EditionShape, targetWord: string): string {
  const headings = columns(shape).map(({ year, actual }) => `${fiscalYearLabel(year)}${actual ? '実績' : year === shape.edition ? targetWord : '目標'}`);
  return ['区分', '', ...headings].join('\t');
}

function measureSheet(plan: MunicipalPlan, measure: PlanMeasure, shape: EditionShape): string {
  const label = fiscalYearLabel(shape.edition);
  const rows = measure.indicators.map((indicator, i) => [i === 0 ? '目標値' : '', indicator.name, ...cells(plan, indicator, shape)].join('\t'));
  return [
    '所属', '', measure.department, '',
    '振興計画', '', `第${plan.chapter.number}章 ${plan.chapter.title}`, `${measure.policy.code} ${measure.policy.title}`, '',
    '施策', '', `${measure.code} ${measure.title}`, '',
    '創生総合戦略 該当なし', '',
    '目的', '', `1 ${measure.title}に向けて、地域の担い手を育成・支援します。`, '',
    '目標', '',
    ...measure.goals.flatMap((goal, i) => [`${i + 1} ${goal}`, '', `${goal}のため、関係機関と連携して取り組みます。`, '']),
    '実績', '',
    ...measure.goals.flatMap((goal, i) => [`${i + 1} ${goal}`, '', `(1) ${label}は${goal}について${(shape.edition * 7 + i) % 13 + 1}件の取組を行いました。`, '']),
    header(shape, '目標'),
    ...rows, '',
    `理由 ※${label}目標と${label}実績の間に乖離がある場合`, '',
    `${label}は社会情勢の影響により実績が変動しました。`, '',
    '目標の実現に向けた今後の取組', '',
    `引き続き、${measure.title}に取り組みます（${label}）。`, '',
  ].join('\n');
}

function projectSheet(plan: MunicipalPlan, project: PlanProject, shape: EditionShape): string {
  const label = fiscalYearLabel(shape.edition);
  const measures = project.measures.map((m) => `${m.code} ${m.title}`).join(' ');
  const rows = project.indicators.map((indicator) => {
    switch (indicator.kind) {
      case 'GOAL_STATE':
        return ['目標', indicator.name, ...cells(plan, indicator, shape)].join('\t');
      case 'ACTIVITY':
        return ['活動指標', indicator.name, ...cells(plan, indicator, shape)].join('\t');
      case 'COST':
        return ['事業費（千円）', '', ...cells(plan, indicator, shape)].join('\t');
      default:
        return ['従事人工', '', ...cells(plan, indicator, shape)].join('\t');
    }
  });
  return [
    `${label} 実施計画兼予算要求書（検証）`, '',
    ['所属', project.department, '事業', project.name, '予算科目', project.budget].join('\t'),
    ['施策', measures, '', '創生総合戦略', project.strategy ?? '該当なし', ''].join('\t'), '',
    '事業概要', '', `${project.name}により、地域の活性化を図ります。`, '',
    '目的', '', '市民や各地域における自主的な活動を支援することで地域の活性化を図るため。', '',
    header(shape, '予算'),
    ...rows, '',
    `理由 ※${label}予算・実績に係る目標・活動指標について乖離がある場合`, '',
    `${label}の実績は事業の進捗に応じて変動しました。`, '',
    '目標の実現に向けた今後の取組', '',
    '引き続き、事業の効果的な実施に努めます。', '',
  ].join('\n');
}

/** One edition's report of one municipality: every measure sheet, each followed by its projects' sheets. */
export function reportText(plan: MunicipalPlan, shape: EditionShape): string {
  const sheets: string[] = [];
  for (const measure of plan.measures) {
    sheets.push(measureSheet(plan, measure, shape));
    for (const project of plan.projects) {
      if (project.measures[0]?.code === measure.code) sheets.push(projectSheet(plan, project, shape));
    }
  }
  return `${sheets.join('\n')}\n`;
}
