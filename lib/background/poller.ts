import 'server-only';
import { logFailure } from '@/lib/log';

type PollerState = {
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
  again?: boolean;
  kick?: () => void;
  intervalMs?: number;
  /** The last tick of its timer or the last pass started or ended: what /readyz calls its heartbeat. */
  beatAt?: number;
  passStartedAt?: number;
};
const pollers = ((globalThis as unknown as { __portPollers?: Map<string, PollerState> }).__portPollers ??= new Map());

/**
 * A background loop of this process: runs `work` every `intervalMs`, and at once when kicked
 * (after a commit that queued something). Never two passes at a time; a failed pass is logged and
 * the next one tries again. Coordination between processes is the work's own (row locks).
 */
export function startPoller(name: string, work: () => Promise<void>, intervalMs: number): void {
  const state = pollers.get(name) ?? {};
  pollers.set(name, state);
  if (state.timer) return;
  state.intervalMs = intervalMs;
  state.beatAt = Date.now();
  state.kick = () => {
    state.beatAt = Date.now();
    if (state.running) {
      state.again = true;
      return;
    }
    state.passStartedAt = Date.now();
    state.running = work()
      .catch((error) => logFailure(`${name}: pass failed, will retry`, error))
      .finally(() => {
        state.running = undefined;
        state.passStartedAt = undefined;
        state.beatAt = Date.now();
        if (state.again) {
          state.again = false;
          state.kick?.();
        }
      });
  };
  state.timer = setInterval(state.kick, intervalMs);
  state.timer.unref();
  state.kick();
}

/** Asks a started poller for a pass now; does nothing where it is not running (tests, scripts). */
export function kickPoller(name: string): void {
  pollers.get(name)?.kick?.();
}

export async function stopPoller(name: string): Promise<void> {
  const state = pollers.get(name);
  if (!state) return;
  clearInterval(state.timer);
  state.timer = undefined;
  state.kick = undefined;
  await state.running;
}

// A pass may take long (a batch of carrier calls, each with its own timeout); one running this long
// is stuck.
export const STUCK_PASS_MS = 10 * 60_000;

/**
 * Whether this process's loop `name` is alive at `now`: started, its timer ticking (a beat within
 * three intervals, plus slack for a busy event loop), and no pass stuck for STUCK_PASS_MS.
 */
export function isPollerAlive(name: string, now = Date.now()): boolean {
  const state = pollers.get(name);
  if (!state?.timer || state.beatAt === undefined || state.intervalMs === undefined) return false;
  if (now - state.beatAt > state.intervalMs * 3 + 5_000) return false;
  return state.passStartedAt === undefined || now - state.passStartedAt < STUCK_PASS_MS;
}
