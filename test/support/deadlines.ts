// Deadlines for the test tiers (Vitest and Playwright, plain Node): how long a spawned process or an awaited state may take.
//
// The machines that run the suite (CI included) have two busy cores, where a step that takes one second alone can
// take twenty. So no test carries a wall-clock budget of its own (the test runners' timeouts are off); only a real
// hang is cut short, by these deadlines on the one process or state it waits for, with a message that names it.

/** One spawned process (a CLI run, a server starting) or one awaited state: far beyond any slow run. */
export const HANG_MS = 10 * 60_000;

/** One browser step (a web-first assertion, a click, a navigation): generous, yet a failing spec still reports. */
export const BROWSER_STEP_MS = 2 * 60_000;
