import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { requireAuditor } from '../guards';
import { LedgerVerification } from '../types/verification-types';

@Resolver()
export class VerificationResolver {
  @Query(() => LedgerVerification, { description: 'Walks the hash chain of the whole log (auditors). With expectHead, also checks the log still ends there.' })
  async verifyLedger(
    @Arg('expectHead', () => String, { nullable: true }) expectHead: string | null,
    @Ctx() context: RequestContext,
  ): Promise<LedgerVerification> {
    requireAuditor(context, 'verifyLedger');
    const verdict = await context.ledger.verify();
    if (!verdict.ok) {
      return { ok: false, events: verdict.events, headPosition: null, headHash: null, brokenAt: String(verdict.position), problem: verdict.problem, headMatches: null };
    }
    const headMatches = expectHead ? expectHead === verdict.headHash : null;
    return {
      ok: headMatches !== false,
      events: verdict.events,
      headPosition: String(verdict.headPosition),
      headHash: verdict.headHash,
      brokenAt: null,
      problem: headMatches === false ? `the log ends at position ${verdict.headPosition} with another head: it was truncated or replaced` : null,
      headMatches,
    };
  }
}
