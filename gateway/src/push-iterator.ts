/**
 * An async iterator fed from outside: the producer pushes values, ends it or fails it; the consumer
 * (graphql-ws's `for await`) pulls them. `onClose` runs once, whichever side closes it first.
 */
export class PushIterator<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private waiting: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | null = null;
  private failure: unknown = null;
  private finished = false;
  private closed = false;

  constructor(
    private readonly onClose: () => void,
    /** Undelivered values beyond this fail the iterator: the consumer does not keep up. */
    private readonly maxQueued = 256,
    private readonly overflowError: () => unknown = () => new Error('The consumer does not keep up.'),
  ) {}

  get isOpen(): boolean {
    return !this.finished;
  }

  /** Values pushed but not yet taken by the consumer (the send backlog). */
  get queued(): number {
    return this.queue.length;
  }

  push(value: T): void {
    if (this.finished) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
    } else if (this.queue.length >= this.maxQueued) {
      this.queue.length = 0;
      this.fail(this.overflowError());
    } else {
      this.queue.push(value);
    }
  }

  /** Ends after the queued values. */
  end(): void {
    if (this.finished) return;
    this.finished = true;
    this.close();
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value: undefined, done: true });
    }
  }

  /** Ends with `error` after the queued values. */
  fail(error: unknown): void {
    if (this.finished) return;
    this.finished = true;
    this.failure = error;
    this.close();
    if (this.waiting) {
      const { reject } = this.waiting;
      this.waiting = null;
      this.failure = null;
      reject(error);
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.failure !== null) {
      const error = this.failure;
      this.failure = null;
      return Promise.reject(error);
    }
    if (this.finished) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  /** The consumer stops (the client completed the subscription or went away). */
  return(): Promise<IteratorResult<T>> {
    this.queue.length = 0;
    this.failure = null;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    this.queue.length = 0;
    this.failure = null;
    this.end();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
  }
}
