import type { EventStore, RecordedEvent } from '../store/event-store';
import { verifyChain, type ChainVerdict } from '../store/hash-chain';

export interface CopyResult {
  copied: number;
  source: ChainVerdict;
  target: ChainVerdict;
}

const BATCH = 2000;

/**
 * Moves a ledger to another store event by event, positions, times and hashes unchanged, then proves
 * the copy by walking both chains: same length, same head hash. Resumes a copy that was interrupted.
 */
export async function copyLog(from: EventStore, to: EventStore, onProgress?: (copied: number, total: number) => void): Promise<CopyResult> {
  const total = await from.headPosition();
  let copied = 0;
  let batch: RecordedEvent[] = [];
  const flush = async () => {
    await to.appendVerbatim(batch);
    copied += batch.length;
    batch = [];
    onProgress?.(copied, total);
  };
  for await (const event of from.readAll({ after: await to.headPosition() })) {
    batch.push(event);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  const [source, target] = await Promise.all([verifyChain(from.readAll()), verifyChain(to.readAll())]);
  return { copied, source, target };
}
