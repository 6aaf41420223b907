/**
 * The background loop shared by the mail outbox and the job queue: run one pass now, again every
 * `intervalMs`, and again when woken (new work queued in this process). Passes never overlap, a
 * failing pass is logged and the loop goes on, and stop() waits for the pass in flight.
 */
export type PollingLoop = { wake(): void; stop(): Promise<void> };

type Logger = { warn(obj: object, msg: string): void };

export function startPolling(pass: () => Promise<unknown>, options: { intervalMs: number; log: Logger; name: string }): PollingLoop {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let queued = false;
  const wake = () => {
    if (stopped || queued) return;
    queued = true;
    running = running.then(async () => {
      queued = false;
      if (!stopped) await pass().catch((err) => options.log.warn({ err: String(err) }, `${options.name} loop failed`));
    });
  };
  const timer = setInterval(wake, options.intervalMs);
  timer.unref();
  wake();
  return {
    wake,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

const MAX_BACKOFF_SECONDS = 3600;

/** Seconds to wait before the next try after `attempts` failed tries: 5 s, 10 s, 20 s ... at most an hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, 2 ** Math.min(Math.max(attempts - 1, 0), 12) * 5);
}
