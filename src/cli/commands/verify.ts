import { openLedger } from '../../application/open-ledger';

/**
 * Exit code 0 when the chain holds (and ends at the expected head, if given), 1 otherwise. Walks what
 * was appended since the head verified last, or with `full` the whole log.
 */
export async function verify(options: { expectHead?: string; full?: boolean }): Promise<number> {
  const ledger = await openLedger(undefined, { follow: false });
  try {
    const verdict = await ledger.verify({ full: options.full === true });
    if (!verdict.ok) {
      console.error(`BROKEN at position ${verdict.position}: ${verdict.problem}`);
      return 1;
    }
    if (options.expectHead && options.expectHead !== verdict.headHash) {
      console.error(
        `BROKEN: the log ends at position ${verdict.headPosition} with head ${verdict.headHash ?? '(empty log)'}, ` +
          `not the expected head ${options.expectHead}: it was truncated or replaced`,
      );
      return 1;
    }
    const walked = verdict.full ? 'the whole log' : `since the head verified last (position ${verdict.fromPosition})`;
    console.log(`OK: ${verdict.events} events walked, ${walked}: the hash chain holds`);
    console.log(`walked positions ${verdict.fromPosition + 1}-${verdict.toPosition}`);
    console.log(`head position ${verdict.headPosition}`);
    console.log(`head ${verdict.headHash ?? '(empty log)'}`);
    return 0;
  } finally {
    await ledger.close();
  }
}
