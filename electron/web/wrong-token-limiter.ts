/**
 * Slows down guessing: after `max` wrong tokens within `windowMs`, no token is even compared
 * until the oldest of them leaves the window. Every caller shares one budget because every
 * request comes from 127.0.0.1; the right token also waits during a lock-out, or guessing
 * would simply carry on at full speed.
 */
export class WrongTokenLimiter {
  private failures: number[] = [];

  constructor(
    private readonly max = 20,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until tokens are compared again; 0 when they are compared now. */
  retryAfterMs(): number {
    const now = this.now();
    this.failures = this.failures.filter((t) => t > now - this.windowMs);
    const oldest = this.failures[0];
    return this.failures.length < this.max || oldest === undefined ? 0 : oldest + this.windowMs - now;
  }

  recordFailure(): void {
    this.failures.push(this.now());
  }
}
