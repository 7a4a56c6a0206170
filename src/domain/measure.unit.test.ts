import type { MeasureEvent } from '../../events/measure-events';
import { measureDecider, type MeasureCommand, type MeasureSheet } from './measure';
import { decide } from './testing/decider-specification';

const measure = decide(measureDecider);

const sheet: MeasureSheet = {
  title: '多様な担い手が参画するまちづくりの推進',
  department: '市政戦略課',
  chapter: { number: 5, title: 'つながる『みんなで創る住みよいまち』' },
  policy: { code: '5-1', title: 'みんなが主役のまちづくりを推進します' },
  strategies: [],
  purposes: ['行政と市民の役割を明確にし'],
  goals: [{ number: 1, title: '行政と市民等の役割の浸透', description: null }],
  results: ['(1) 検証を実施しました。'],
  gapReason: null,
  nextSteps: '引き続き',
};

const report = (edition: number, changes: Partial<MeasureSheet> = {}): MeasureCommand => ({
  type: 'ReportMeasure', code: '5-1-1', edition, sheet: { ...sheet, ...changes }, line: 3,
});

/** What the 2021 edition's report of the sheet above leaves in the stream. */
const reported2021 = (): MeasureEvent[] => [
  { type: 'MeasureRegistered', data: { code: '5-1-1', title: sheet.title } },
  {
    type: 'MeasureReported',
    data: { code: '5-1-1', edition: 2021, changes: Object.fromEntries(Object.entries(sheet).map(([field, to]) => [field, { from: null, to }])) },
  },
];

describe('measure decider', () => {
  it('registers and reports a measure, and a re-import of the same edition appends nothing', () => {
    const { events } = measure.given().when(report(2021), report(2021)).thenTypes(['MeasureRegistered', 'MeasureReported']);
    const changes = events[1]?.type === 'MeasureReported' ? events[1].data.changes : {};
    expect(Object.keys(changes)).toHaveLength(Object.keys(sheet).length);
    measure.given().when(report(2021)).then(reported2021().map((event) => ({ ...event, line: 3 })));
    measure.given(reported2021()).when(report(2021)).thenNothing();
  });

  it('records a department move and a renamed title with old and new values', () => {
    measure
      .given(reported2021())
      .when(report(2022, { department: '庶務課', title: '多様な担い手によるまちづくり' }))
      .then([
        {
          type: 'MeasureReported',
          data: {
            code: '5-1-1',
            edition: 2022,
            changes: {
              department: { from: '市政戦略課', to: '庶務課' },
              title: { from: sheet.title, to: '多様な担い手によるまちづくり' },
            },
          },
          line: 3,
        },
      ]);
  });

  it('notes an edition that restates the measure unchanged, with no changes', () => {
    measure.given(reported2021()).when(report(2022)).then([{ type: 'MeasureReported', data: { code: '5-1-1', edition: 2022, changes: {} }, line: 3 }]);
  });

  it('identifies a measure known only from a project link once', () => {
    const link: MeasureCommand = { type: 'IdentifyMeasure', code: '6-2-1', title: '効率的な行政運営の推進', line: 152 };
    measure.given().when(link, link).thenTypes(['MeasureRegistered']);
  });

  it.each(['5-1', '5-1-1-1', 'a-b-c', ''])('refuses the code %j', (code) => {
    measure.given().when({ ...report(2021), code } as MeasureCommand).thenThrows(/measure code/);
  });
});
