/**
 * A one-line progress bar on a terminal's standard error; silent when standard error is not a terminal. Anything
 * else written while it runs goes through `write`, which clears the bar first (it is drawn again on the next tick).
 */
export class Progress {
  private done = 0;
  private failed = 0;
  private last = 0;
  private drawn = false;
  private readonly enabled: boolean;
  /**
   * @param label what is being done, in the user's locale
   * @param unreadable the note on the files that could not be read so far, in the user's locale
   */
  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly unreadable: (count: number) => string,
    enabled = process.stderr.isTTY === true,
  ) {
    this.enabled = enabled && total > 1;
  }
  /** Counts one finished item. */
  tick(failed = false): void {
    this.done++;
    if (failed) this.failed++;
    const now = Date.now();
    if (this.enabled && (now - this.last > 80 || this.done === this.total)) {
      this.last = now;
      const width = 24;
      const filled = Math.round((Math.min(this.done, this.total) / this.total) * width);
      process.stderr.write(
        `\r\x1b[K${this.label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${this.done}/${this.total}${this.failed ? this.unreadable(this.failed) : ""}`,
      );
      this.drawn = true;
    }
  }
  /** Clears the bar, if drawn. */
  clear(): void {
    if (this.enabled && this.drawn) process.stderr.write("\r\x1b[K");
    this.drawn = false;
    this.last = 0;
  }
  /** Writes to a stream with the bar cleared first (on a terminal both streams share the screen). */
  write(stream: NodeJS.WriteStream, text: string): void {
    this.clear();
    stream.write(text);
  }
  /** Clears the line for good. */
  end(): void {
    this.clear();
  }
}
