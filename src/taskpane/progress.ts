/**
 * Progress for anything that takes a while: the buttons are disabled at once (by the caller), the
 * spinner appears only after half a second, so a quick action does not flash one. Pure timing; the
 * pane supplies what showing and hiding mean.
 */

export const SPINNER_DELAY_MS = 500;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface Progress {
  /** the work is over: cancels a spinner not yet shown, hides one that is */
  stop(): void;
  /** the spinner is showing */
  readonly shown: boolean;
}

export function startProgress(show: () => void, hide: () => void, delay = SPINNER_DELAY_MS, timers: Timers = realTimers): Progress {
  let shown = false;
  let stopped = false;
  const handle = timers.setTimeout(() => {
    if (stopped) return;
    shown = true;
    show();
  }, delay);
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      timers.clearTimeout(handle);
      if (shown) hide();
      shown = false;
    },
    get shown() {
      return shown;
    },
  };
}
