// A time budget per query. Once it runs out, resolvers still pending are abandoned (their promises lose
// a race against the deadline) and no further resolver starts, so the answer goes out at the deadline
// even when a store is slow; the client gets one TIMEOUT error instead of partial data.
//
// Mutations are not cut short: a write that has begun commits or fails on its own, and answering
// TIMEOUT for a write that then commits would make a client believe it failed. Their size is bounded by
// the body limit instead, and their retries by idempotencyKey (recordValue) and by re-imports of an
// unchanged edition appending nothing (importReport).
//
// Nothing here can interrupt a synchronous SQLite statement already running; the deadline takes effect
// at the next resolver that loads something (a root field, or a field returning objects), i.e. between
// the batched reads of one level of a query and the next.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  GraphQLError,
  defaultFieldResolver,
  getNamedType,
  isLeafType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import type { Limits } from '../../../config/limits';
import { limitExtensions } from './limit-error';

export const TIMEOUT_CODE = 'TIMEOUT';

/** How often (in resolver calls) a budget looks at the clock between its timer's ticks. */
const CLOCK_EVERY = 32;

/**
 * What a deadline rejects with, so an abandoned resolver is told apart from one that failed. One for
 * all budgets: an Error made per request would capture a stack trace for every query.
 */
const TIMED_OUT = new Error('time budget exhausted');

class Budget {
  expired = false;
  /** A resolver was actually refused or abandoned, i.e. the answer is incomplete. */
  cut = false;
  private calls = 0;
  private timer: NodeJS.Timeout | null = null;
  private deadlinePromise: Promise<never> | null = null;

  constructor(
    readonly startedAt: number,
    readonly timeoutMs: number,
  ) {}

  /** Rejects, with TIMED_OUT, when the budget runs out; made when a resolver first has to race it. */
  get deadline(): Promise<never> {
    this.deadlinePromise ??= new Promise<never>((_resolve, reject) => {
      const expire = () => {
        this.expired = true;
        reject(TIMED_OUT);
      };
      const remaining = this.startedAt + this.timeoutMs - Date.now();
      if (remaining <= 0) {
        expire();
        return;
      }
      this.timer = setTimeout(expire, remaining);
      this.timer.unref();
    });
    // Nobody may be racing the deadline when it passes; that is not an unhandled rejection.
    this.deadlinePromise.catch(() => undefined);
    return this.deadlinePromise;
  }

  get elapsedMs(): number {
    return Date.now() - this.startedAt;
  }

  /** True once the budget is spent: the timer said so, or (every few calls, and on the first) the clock. */
  overdue(): boolean {
    if (!this.expired && this.calls++ % CLOCK_EVERY === 0 && Date.now() - this.startedAt >= this.timeoutMs) this.expired = true;
    return this.expired;
  }

  error(): GraphQLError {
    return new GraphQLError(`the query ran out of its time budget of ${this.timeoutMs} ms; ask for less, or page through it`, {
      extensions: { code: TIMEOUT_CODE, ...limitExtensions('requestTimeoutMs', this.timeoutMs, this.elapsedMs) },
    });
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** The running budget of each request's context; none for mutations, subscriptions and other servers. */
const budgets = new WeakMap<object, Budget>();
const WRAPPED = Symbol.for('plan-ledger.time-budget.wrapped');

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

function budgeted(resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    const budget = typeof context === 'object' && context !== null ? budgets.get(context) : undefined;
    if (!budget) return resolve(source, args, context, info);
    if (budget.overdue()) {
      budget.cut = true;
      throw budget.error();
    }
    const result = resolve(source, args, context, info);
    if (!isPromiseLike(result)) return result;
    return Promise.race([Promise.resolve(result), budget.deadline]).catch((error: unknown) => {
      if (error !== TIMED_OUT) throw error;
      budget.cut = true;
      throw budget.error();
    });
  };
}

/**
 * Wraps, in place and once (the way Apollo instruments resolvers for its own plugins), the resolvers
 * that gate work: every root field, and every field returning an object or a list of them. Leaves are
 * property reads of what those loaded and are left alone. A request without a budget (a mutation, a
 * graphql-ws subscription) pays one WeakMap lookup per wrapped field.
 */
function wrapResolvers(schema: GraphQLSchema): void {
  const marked = schema as GraphQLSchema & { [WRAPPED]?: true };
  if (marked[WRAPPED]) return;
  Object.defineProperty(schema, WRAPPED, { value: true });
  const subscription = schema.getSubscriptionType();
  const roots = new Set([schema.getQueryType(), schema.getMutationType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type === subscription) continue;
    for (const field of Object.values(type.getFields())) {
      if (roots.has(type) || !isLeafType(getNamedType(field.type))) field.resolve = budgeted(field.resolve ?? defaultFieldResolver);
    }
  }
}

export interface TimeBudgetOptions {
  /** Told of each query that ran out of time (e.g. to log it with its operation name). */
  onTimeout?: (info: { operationName: string | null; elapsedMs: number; timeoutMs: number }) => void;
}

export function timeBudgetPlugin<TContext extends BaseContext>(
  limits: Pick<Limits, 'requestTimeoutMs'>,
  options: TimeBudgetOptions = {},
): ApolloServerPlugin<TContext> {
  return {
    async serverWillStart({ schema }) {
      wrapResolvers(schema);
    },
    async requestDidStart() {
      const startedAt = Date.now();
      let budget: Budget | null = null;
      return {
        async executionDidStart({ operation, contextValue }) {
          // Apollo executes even when no operation could be chosen (to report that): `operation` is then undefined.
          if ((operation as typeof operation | undefined)?.operation !== 'query') return;
          budget = new Budget(startedAt, limits.requestTimeoutMs);
          budgets.set(contextValue, budget);
        },
        async willSendResponse({ response, operationName }) {
          if (!budget) return;
          budget.stop();
          if (!budget.cut) return;
          // One clear error instead of partial data and one error per abandoned field.
          const error = budget.error();
          response.body = { kind: 'single', singleResult: { errors: [{ message: error.message, extensions: { ...error.extensions } }] } };
          response.http.status = 503;
          options.onTimeout?.({ operationName: operationName ?? null, elapsedMs: budget.elapsedMs, timeoutMs: limits.requestTimeoutMs });
        },
      };
    },
  };
}
