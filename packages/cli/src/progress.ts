/** A one-line progress bar on a terminal's standard error; silent when standard error is not a terminal. */
export class Progress {
  private done = 0;
  private failed = 0;
  private last = 0;
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
      const filled = Math.round((this.done / this.total) * width);
      process.stderr.write(
        `\r${this.label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${this.done}/${this.total}${this.failed ? this.unreadable(this.failed) : ""}`,
      );
    }
  }
  /** Clears the line. */
  end(): void {
    if (this.enabled) process.stderr.write("\r\x1b[K");
  }
}
