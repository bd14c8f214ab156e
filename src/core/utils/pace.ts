/**
 * Paces a job whose cost grows with the data (handing appended rows to a grid of n rows,
 * computing a form's stage alerts) while a bulk write asks for it again and again: the next run
 * may start once `factor` times the last run's duration has passed since it ended, so the job
 * takes at most 1 / (factor + 1) of the time (a ninth by default), however large the form
 * grows. Without it, an import shown batch by batch cost time in (batches x rows): quadratic in
 * the file.
 */
export class Pace {
  private end = Number.NEGATIVE_INFINITY
  private cost = 0
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(private readonly factor = 8, private readonly clock: () => number = () => performance.now()) {}

  /** Milliseconds until the job may run again (0: now). */
  wait(): number {
    return Math.max(0, this.end + this.factor * this.cost - this.clock())
  }

  /**
   * Whether the job must wait; if so, `due` is called once when it may run (one call however
   * often this is asked meanwhile).
   */
  later(due: () => void): boolean {
    const wait = this.wait()
    if (wait <= 0) return false
    this.timer ??= setTimeout(() => {
      this.timer = undefined
      due()
    }, wait)
    return true
  }

  /** Forgets a waiting `due` (the job runs now, or its owner is gone). */
  cancel(): void {
    clearTimeout(this.timer)
    this.timer = undefined
  }

  /** Runs `job`, timing it for the next `wait`. */
  run<T>(job: () => T): T {
    const t0 = this.clock()
    try {
      return job()
    }
    finally {
      this.end = this.clock()
      this.cost = this.end - t0
    }
  }
}
