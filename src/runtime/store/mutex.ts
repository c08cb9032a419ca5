// Runs async sections one at a time, in call order (a connection's WATCH/MULTI must never interleave with another batch's).
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(section: () => Promise<T>): Promise<T> {
    const result = this.tail.then(section, section);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every section queued so far has finished. */
  async idle(): Promise<void> {
    await this.tail;
  }
}
