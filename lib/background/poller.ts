import 'server-only';
import { logFailure } from '@/lib/log';

type PollerState = { timer?: NodeJS.Timeout; running?: Promise<void>; again?: boolean; kick?: () => void };
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
  state.kick = () => {
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = work()
      .catch((error) => logFailure(`${name}: pass failed, will retry`, error))
      .finally(() => {
        state.running = undefined;
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
