import { readModelProjections } from './all';
import type { Projection } from './projection';
import { readModelVersion } from './read-model-version';

const projections = readModelProjections('same-database');
const changed = (name: string, change: Partial<Projection>): Projection[] => projections.map((p) => (p.name === name ? { ...p, ...change } : p));

describe('readModelVersion', () => {
  it("names every projection and its version, the checkpoint's, and where the log is", () => {
    expect(readModelVersion(projections, 'same-database')).toBe(
      'checkpoint@1 plan-entities@3 value-history@3 audit-log@4 event-payloads@1 editions@2 log:same-database',
    );
  });

  it('changes when a projection raises its version, not when its DDL text (a comment) changes', () => {
    const version = readModelVersion(projections, 'same-database');
    expect(readModelVersion(changed('value-history', { version: 99 }), 'same-database')).not.toBe(version);
    const plan = projections.find((p) => p.name === 'plan-entities');
    expect(readModelVersion(changed('plan-entities', { schema: `${plan?.schema ?? ''}\n-- edited` }), 'same-database')).toBe(version);
  });

  it('differs between a read model in the log’s own file and one kept apart (their payloads differ)', () => {
    expect(readModelVersion(readModelProjections('elsewhere'), 'elsewhere')).not.toBe(readModelVersion(projections, 'same-database'));
  });

  it('never equals what releases before projection versions wrote (1:<digest>)', () => {
    expect(readModelVersion(projections, 'same-database')).not.toMatch(/^\d+:[0-9a-f]{16}$/);
  });
});
