// A person says an indicator renamed away from (`from`) continues as another (`to`): ONE IndicatorLinked
// event on `from`'s stream, so a second link of it loses to the first on that stream's revision. What
// the link checks of `to` is read from `to`'s stream, and `to`'s revision is part of the append (with no
// event of its own): were `to` linked away meanwhile, the store refuses and the link is decided again.
import { indicatorStreamId } from '../domain/ids';
import { indicatorDecider } from '../domain/indicator';
import { linkTargetOf } from '../domain/indicator-link';
import { appendWithRetry } from './append-with-retry';
import { decideOnStream, toStreamAppend, type MunicipalityStreams } from './decide-on-stream';

export interface LinkIndicatorInput {
  /** As its municipality names them: 5-1-1/NPO法人数. */
  from: string;
  to: string;
  reason: string;
}

export interface LinkIndicatorResult {
  position: number;
}

/** Lost races are decided again this many times. */
const ATTEMPTS = 5;

export async function linkIndicator(streams: MunicipalityStreams, input: LinkIndicatorInput, context: { actor: string }): Promise<LinkIndicatorResult> {
  const decideAndAppend = async (): Promise<LinkIndicatorResult> => {
    const target = await decideOnStream(streams, indicatorStreamId(input.to), indicatorDecider, []);
    const decided = await decideOnStream(streams, indicatorStreamId(input.from), indicatorDecider, [
      { type: 'LinkIndicator', indicatorId: input.from, to: input.to, target: linkTargetOf(input.to, target.state), reason: input.reason },
    ]);
    const link = toStreamAppend(decided, () => ({
      actor: context.actor,
      reason: input.reason.trim(),
      edition: null,
      source: null,
      correlationId: decided.streamId,
      causationId: null,
      municipality: streams.municipality,
    }));
    const guard = { streamId: target.storeStreamId, expectedRevision: target.expectedRevision, events: [] };
    const result = await streams.store.append([link, guard]);
    return { position: result.lastPosition };
  };
  return appendWithRetry(decideAndAppend, { attempts: ATTEMPTS });
}
