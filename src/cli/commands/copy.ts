import { copyLog } from '../../application/copy-log';
import { openStore } from '../../application/open-store';

/** Exit code 0 when the target's chain verifies and ends at the source's head. */
export async function copy(options: { from: string; to: string }): Promise<number> {
  const from = openStore(options.from);
  const to = openStore(options.to);
  try {
    const result = await copyLog(from, to, (copied, total) => process.stderr.write(`\rcopied ${copied} of ${total} events`));
    process.stderr.write('\n');
    if (!result.source.ok) {
      console.error(`the source log is broken at position ${result.source.position}: ${result.source.problem}`);
      return 1;
    }
    if (!result.target.ok) {
      console.error(`the copy is broken at position ${result.target.position}: ${result.target.problem}`);
      return 1;
    }
    if (result.target.headHash !== result.source.headHash || result.target.headPosition !== result.source.headPosition) {
      console.error(`the copy ends at ${result.target.headPosition} (${result.target.headHash}), the source at ${result.source.headPosition} (${result.source.headHash})`);
      return 1;
    }
    console.log(`OK: copied ${result.copied} events; both logs verify and end at position ${result.target.headPosition}`);
    console.log(`head ${result.target.headHash ?? '(empty log)'}`);
    return 0;
  } finally {
    await Promise.all([from.close(), to.close()]);
  }
}
