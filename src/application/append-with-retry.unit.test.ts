import { WrongExpectedRevisionError } from '../store/event-store';
import { appendWithRetry } from './append-with-retry';

const refused = () => new WrongExpectedRevisionError('indicator-x', 3, 4);

describe('appendWithRetry', () => {
  it('decides and appends again after a refusal, until the store accepts', async () => {
    let calls = 0;
    const result = await appendWithRetry(async () => {
      calls += 1;
      if (calls < 3) throw refused();
      return 'appended';
    }, { attempts: 3 });
    expect(result).toBe('appended');
    expect(calls).toBe(3);
  });

  it('gives the last refusal as the answer once the attempts run out', async () => {
    let calls = 0;
    const run = appendWithRetry(async () => {
      calls += 1;
      throw refused();
    }, { attempts: 5 });
    await expect(run).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(calls).toBe(5);
  });

  it('never retries another error', async () => {
    let calls = 0;
    const run = appendWithRetry(async () => {
      calls += 1;
      throw new Error('disk full');
    }, { attempts: 3 });
    await expect(run).rejects.toThrow('disk full');
    expect(calls).toBe(1);
  });

  it('lets the caller answer a refusal with an error of its own instead of retrying', async () => {
    let calls = 0;
    const run = appendWithRetry(
      async () => {
        calls += 1;
        throw refused();
      },
      {
        attempts: 5,
        onRefused: (error) => {
          throw new Error(`conflict at ${error.actual}`);
        },
      },
    );
    await expect(run).rejects.toThrow('conflict at 4');
    expect(calls).toBe(1);
  });
});
