import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { requireAuditor } from '../guards';
import { LedgerVerification } from '../types/verification-types';

@Resolver()
export class VerificationResolver {
  @Query(() => LedgerVerification, {
    description:
      'Walks the hash chain (auditors), off the event loop: what was appended since the head verified last, or with full: true the whole log; ' +
      'either way the head verified last must still match the log. With expectHead, also checks the log still ends there. At most once per request.',
  })
  async verifyLedger(
    @Arg('expectHead', () => String, { nullable: true }) expectHead: string | null,
    @Arg('full', () => Boolean, { nullable: true, description: 'Walk the whole log, not only what followed the head verified last' }) full: boolean | null,
    @Ctx() context: RequestContext,
  ): Promise<LedgerVerification> {
    requireAuditor(context, 'verifyLedger');
    const verdict = await context.ledger.verify({ full: full === true });
    const walked = { full: verdict.full, fromPosition: String(verdict.fromPosition) };
    if (!verdict.ok) {
      return { ok: false, events: verdict.events, headPosition: null, headHash: null, brokenAt: String(verdict.position), problem: verdict.problem, headMatches: null, ...walked, toPosition: null };
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
      ...walked,
      toPosition: String(verdict.toPosition),
    };
  }
}
