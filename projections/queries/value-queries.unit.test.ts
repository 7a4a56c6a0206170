import { winningStatement, type RevisionRow } from './value-queries';

const statement = (position: number, effectiveEdition: number, value: number): RevisionRow => ({
  eventId: `e${position}`,
  value,
  text: null,
  previousValue: null,
  previousText: null,
  edition: effectiveEdition,
  effectiveEdition,
  recordedAt: '2026-01-01T00:00:00.000Z',
  actor: 'a',
  reason: null,
  position,
  source: null,
});

describe('winningStatement', () => {
  // Oldest first, as valueStatements returns them: 2023 was imported before 2022, then 2023 was edited.
  const statements = [statement(1, 2021, 10), statement(2, 2023, 30), statement(3, 2022, 20), statement(4, 2023, 31)];

  it('answers with the highest edition up to the one asked for, the latest on a tie', () => {
    expect(winningStatement(statements, 2021)?.value).toBe(10);
    expect(winningStatement(statements, 2022)?.value).toBe(20);
    expect(winningStatement(statements, 2023)?.value).toBe(31);
    expect(winningStatement(statements, null)?.value).toBe(31);
  });

  it('answers null before the first edition that stated the value', () => {
    expect(winningStatement(statements, 2020)).toBeNull();
    expect(winningStatement([], null)).toBeNull();
  });
});
