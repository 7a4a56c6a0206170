// SQLSTATEs after which the same query can succeed on a fresh connection: connection exceptions
// (class 08), the server shutting down or restarting (57P01-57P03) and too many connections (53300).
const TRANSIENT_SQLSTATE = /^(08...|57P0[1-3]|53300)$/;

/**
 * True for failures that say nothing about the query itself: the connection or the server went away.
 * Errors without a SQLSTATE come from the socket (ECONNREFUSED, "Connection terminated") and count too.
 */
export function isTransientPostgresError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error ? error.code : undefined;
  if (typeof code !== 'string') return true;
  return /^[0-9A-Z]{5}$/.test(code) ? TRANSIENT_SQLSTATE.test(code) : true;
}
