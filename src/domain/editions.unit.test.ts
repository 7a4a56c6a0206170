// Editions in any order, decided on one stream: restatements that keep a newer edition's precedence,
// and the absence rule (absence is not deletion).
import { toCurrentVersion } from '../../events/catalogue';
import type { IndicatorEvent } from '../../events/indicator-events';
import { indicatorDecider, valueAsOf, type IndicatorCommand } from './indicator';
import { measureDecider, type MeasureCommand, type MeasureSheet } from './measure';
import { projectDecider, type ProjectCommand, type ProjectSheet } from './project';
import { fieldAsOf } from './reported-fields';
import { decide } from './testing/decider-specification';

const measure = decide(measureDecider);
const project = decide(projectDecider);
const indicator = decide(indicatorDecider);

/** A target's statement as [type, effectiveEdition, value, previousValue]; other events by their type alone. */
const targetStatement = (e: IndicatorEvent) =>
  e.type === 'TargetSet' || e.type === 'TargetRevised' ? [e.type, e.data.effectiveEdition, e.data.value, e.data.previousValue] : [e.type];

const SHEET: MeasureSheet = {
  title: '多様な担い手が参画するまちづくりの推進',
  department: '市政戦略課',
  chapter: { number: 5, title: 'つながる' },
  policy: { code: '5-1', title: 'みんなが主役' },
  strategies: [],
  purposes: [],
  goals: [],
  results: [],
  gapReason: null,
  nextSteps: null,
};
const report = (edition: number, department: string): MeasureCommand => ({
  type: 'ReportMeasure',
  code: '5-1-1',
  edition,
  sheet: { ...SHEET, department },
  line: 3,
});

describe('restatements keep the newer edition current whatever the order', () => {
  it('a field: A (2021), A (2023, unchanged, no event of its own), then B (2022) restates A for 2023', () => {
    measure
      .given()
      .when(report(2021, '市政戦略課'), report(2023, '市政戦略課'), report(2022, '企画課'))
      .then(({ state, events }) => {
        expect(events.slice(-2).map((e) => (e.type === 'MeasureReported' ? [e.type, e.data.edition, e.data.changes] : [e.type]))).toEqual([
          ['MeasureReported', 2022, { department: { from: '市政戦略課', to: '企画課' } }],
          ['MeasureReported', 2023, { department: { from: '企画課', to: '市政戦略課' } }],
        ]);
        expect([2021, 2022, 2023, 2024].map((e) => fieldAsOf(state.reported, 'department', e))).toEqual(['市政戦略課', '企画課', '市政戦略課', '市政戦略課']);
      });
  });

  it('no restatement when the newer edition has its own statement, or said the same as the older one', () => {
    measure.given().when(report(2023, '企画課'), report(2022, '総務課')).thenTypes(['MeasureRegistered', 'MeasureReported', 'MeasureReported']);
    measure
      .given()
      .when(report(2021, 'A課'), report(2023, 'A課'), report(2022, 'A課'))
      .thenTypes(['MeasureRegistered', 'MeasureReported', 'MeasureReported', 'MeasureReported']);
  });

  const ID = '5-1-1/NPO法人数';
  const define = (edition: number, cells: string[]): IndicatorCommand => ({
    type: 'ReportIndicator', indicatorId: ID, ownerType: 'measure', ownerId: '5-1-1', kind: 'OUTCOME', name: 'NPO法人数', unit: '団体', edition, cells, line: 44,
  });
  const target = (edition: number, value: number): IndicatorCommand => ({
    type: 'StateValue', indicatorId: ID, fiscalYear: 2023, kind: 'TARGET', value, text: `${value} 団体`, edition, line: 44,
  });

  it('a value: 18 (2021), 18 (2023, no event), then 19 (2022) restates 18 for 2023', () => {
    indicator
      .given()
      .when(define(2021, ['2023:TARGET']), target(2021, 18), define(2023, ['2023:TARGET']), target(2023, 18), define(2022, ['2023:TARGET']), target(2022, 19))
      .then(({ state, events }) => {
        expect(events.filter((e) => e.type.startsWith('Target')).map(targetStatement)).toEqual([
          ['TargetSet', 2021, 18, null],
          ['TargetRevised', 2022, 19, 18],
          ['TargetRevised', 2023, 18, 19],
        ]);
        expect([2021, 2022, 2023].map((e) => valueAsOf(state, 2023, 'TARGET', e)?.value)).toEqual([18, 19, 18]);
      });
  });

  it('a newer edition whose row did not state the cell is not restated', () => {
    indicator
      .given()
      .when(define(2021, ['2023:TARGET']), target(2021, 18), define(2023, ['2025:TARGET']), define(2022, ['2023:TARGET']), target(2022, 19))
      .then(({ events }) => {
        expect(events.filter((e) => e.type.startsWith('Target')).map((e) => targetStatement(e)[1])).toEqual([2021, 2022]);
      });
  });

  it('re-reporting an edition with the same cells appends nothing; other cells are recorded', () => {
    indicator
      .given()
      .when(define(2021, ['2021:TARGET']), define(2021, ['2021:TARGET']), define(2021, ['2021:TARGET', '2021:ACTUAL']))
      .thenTypes(['IndicatorDefined', 'IndicatorReported', 'IndicatorReported']);
  });
});

describe('absence is recorded, never deletes', () => {
  const absent = (edition: number): MeasureCommand => ({ type: 'NoteMeasureAbsent', code: '5-1-1', edition });

  it('a measure is absent from an edition after one that reported it, once, and keeps its fields', () => {
    measure
      .given()
      .when(absent(2021), report(2021, 'A課'), absent(2022), absent(2022), absent(2021), absent(2020))
      .then(({ state, events }) => {
        expect(events.filter((e) => e.type === 'MeasureNotReported').map((e) => e.data)).toEqual([
          { code: '5-1-1', edition: 2022, chapter: 5, lastReported: 2021 },
        ]);
        expect(fieldAsOf(state.reported, 'department', 2022)).toBe('A課');
      });
    measure.given().when({ type: 'IdentifyMeasure', code: '5-1-1', title: 't', line: 1 }, absent(2022)).thenTypes(['MeasureRegistered']);
  });

  const PROJECT: ProjectSheet = {
    department: 'A課',
    budgetAccount: { code: '01-02-01-06', fund: '一般会計', division: '総務費', section: '総務管理費', item: '企画費' },
    measures: ['3-5-2', '5-4-1'],
    strategies: [],
    overview: null,
    purpose: null,
    gapReason: null,
    nextSteps: null,
  };
  const reportProject = (edition: number): ProjectCommand => ({ type: 'ReportProject', projectId: 'P', name: 'P', edition, sheet: PROJECT, line: 1 });

  it('a project is absent from an edition that covered a chapter it served before', () => {
    const noted = (chapters: number[]) =>
      project
        .given()
        .when(reportProject(2021), { type: 'NoteProjectAbsent', projectId: 'P', edition: 2022, chapters })
        .then(() => undefined)
        .events.filter((e) => e.type === 'ProjectNotReported');
    expect(noted([6])).toEqual([]);
    expect(noted([3, 6]).map((e) => e.data)).toEqual([{ projectId: 'P', edition: 2022, chapters: [3], lastReported: 2021 }]);
  });

  it('an indicator is absent from an edition after one that reported it', () => {
    const define: IndicatorCommand = { type: 'ReportIndicator', indicatorId: 'P/x', ownerType: 'project', ownerId: 'P', kind: 'ACTIVITY', name: 'x', unit: null, edition: 2022, line: 1 };
    const note = (edition: number): IndicatorCommand => ({ type: 'NoteIndicatorAbsent', indicatorId: 'P/x', edition });
    indicator
      .given()
      .when(define, note(2021), note(2022), note(2023), note(2023))
      .then(({ events }) => {
        expect(events.filter((e) => e.type === 'IndicatorNotReported').map((e) => e.data)).toEqual([
          { indicatorId: 'P/x', edition: 2023, ownerType: 'project', ownerId: 'P', lastReported: 2022 },
        ]);
      });
  });
});

describe('catalogue', () => {
  it('lifts a version-1 IndicatorReported to version 2: which cells it stated is unknown', () => {
    const v1 = { type: 'IndicatorReported', version: 1, data: { indicatorId: 'x', edition: 2021, changes: {} }, position: 1 };
    expect(toCurrentVersion(v1)).toMatchObject({ version: 2, data: { indicatorId: 'x', edition: 2021, changes: {}, cells: null } });
  });
});
