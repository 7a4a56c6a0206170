import type { Folded } from './decider';
import { measureDecider, type MeasureCommand, type MeasureSheet, type MeasureState } from './measure';

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

function run(commands: MeasureCommand[]) {
  let state: MeasureState = measureDecider.initialState();
  const events: Folded[] = [];
  for (const command of commands) {
    for (const e of measureDecider.decide(command, state)) {
      const folded = { type: e.type, data: e.data, revision: events.length };
      state = measureDecider.evolve(state, folded);
      events.push(folded);
    }
  }
  return events;
}

const report = (edition: number, changes: Partial<MeasureSheet> = {}): MeasureCommand => ({
  type: 'ReportMeasure', code: '5-1-1', edition, sheet: { ...sheet, ...changes }, line: 3,
});

describe('measure decider', () => {
  it('registers and reports a measure, and a re-import of the same edition appends nothing', () => {
    const events = run([report(2021), report(2021)]);
    expect(events.map((e) => e.type)).toEqual(['MeasureRegistered', 'MeasureReported']);
    expect(Object.keys(events[1]?.data['changes'] as object)).toHaveLength(Object.keys(sheet).length);
  });

  it('records a department move and a renamed title with old and new values', () => {
    const events = run([report(2021), report(2022, { department: '庶務課', title: '多様な担い手によるまちづくり' })]);
    expect(events[2]?.data).toEqual({
      code: '5-1-1',
      edition: 2022,
      changes: {
        department: { from: '市政戦略課', to: '庶務課' },
        title: { from: sheet.title, to: '多様な担い手によるまちづくり' },
      },
    });
  });

  it('notes an edition that restates the measure unchanged, with no changes', () => {
    const events = run([report(2021), report(2022)]);
    expect(events[2]).toMatchObject({ type: 'MeasureReported', data: { edition: 2022, changes: {} } });
  });

  it('identifies a measure known only from a project link once', () => {
    const link: MeasureCommand = { type: 'IdentifyMeasure', code: '6-2-1', title: '効率的な行政運営の推進', line: 152 };
    expect(run([link, link]).map((e) => e.type)).toEqual(['MeasureRegistered']);
  });

  it.each(['5-1', '5-1-1-1', 'a-b-c', ''])('refuses the code %j', (code) => {
    expect(() => measureDecider.decide({ ...report(2021), code } as MeasureCommand, measureDecider.initialState())).toThrow(/measure code/);
  });
});
