import { toCurrentVersion } from '../events/catalogue';
import type { RecordedEvent } from '../src/store/event-store';
import type { JsonObject } from '../src/shared/json';
import { planEntitiesProjection } from './plan-entities';

const event = (type: string, data: JsonObject): RecordedEvent & { municipality: string } => ({
  id: 'e',
  type,
  version: 1,
  data,
  metadata: { actor: 'a', reason: null, edition: 2022, source: null, correlationId: 'c', causationId: null },
  streamId: 's',
  streamRevision: 0,
  position: 1,
  recordedAt: '2026-01-01T00:00:00.000Z',
  hash: 'h',
  previousHash: null,
  municipality: '062073',
});
const touches = (type: string, data: JsonObject) => planEntitiesProjection.touches?.(toCurrentVersion(event(type, data)));

describe('plan-entities touches', () => {
  it('names the entity a registration or a report is about, qualified by its municipality', () => {
    expect(touches('MeasureRegistered', { code: '5-1-1', title: 'T' })).toEqual(['062073:5-1-1']);
    expect(touches('MeasureReported', { code: '5-1-1', edition: 2022, changes: { title: { from: 'A', to: 'B' } } })).toEqual(['062073:5-1-1']);
  });

  it("names the owner whose list of indicators a definition or a change of owner changes", () => {
    expect(touches('IndicatorDefined', { indicatorId: 'p/x', ownerType: 'project', ownerId: 'p' })).toEqual(['062073:p/x', '062073:p']);
    expect(touches('IndicatorReported', { indicatorId: 'p/x', edition: 2022, changes: { ownerId: { from: 'p', to: 'q' } }, cells: null })).toEqual([
      '062073:p/x',
      '062073:p',
      '062073:q',
    ]);
  });

  it('names the measures a project links to, which it restates', () => {
    expect(touches('ProjectReported', { projectId: 'p', edition: 2022, changes: { measures: { from: ['5-1-1'], to: ['5-1-1', '5-1-2'] } } })).toEqual([
      '062073:p',
      '062073:5-1-1',
      '062073:5-1-2',
    ]);
  });

  it('names nothing for events it does not project', () => {
    expect(touches('TargetSet', { indicatorId: 'p/x' })).toEqual([]);
  });
});
