// The read model's position, for the response cache, which asks on every request.
//
// Reading it from SQLite costs a read transaction (file and shared-memory locks): about a sixth of
// a cached answer's time. So it is read again only when this process has changed the read model
// (its own appends, its catch-up subscription, a rebuild) or when the last read is `maxAgeMs` old. The
// second rule covers another process writing the same embedded file (a `plan-ledger import` while
// `serve` runs): its writes reach cached answers within `maxAgeMs`, instead of at once.
export class ReadModelPosition {
  private known: number | null = null;
  private readAt = 0;

  constructor(
    private readonly read: () => number,
    private readonly maxAgeMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** This process changed the read model: the next ask reads it again. */
  changed(): void {
    this.known = null;
  }

  current(): number {
    const now = this.now();
    if (this.known === null || now - this.readAt >= this.maxAgeMs) {
      this.known = this.read();
      this.readAt = now;
    }
    return this.known;
  }
}
