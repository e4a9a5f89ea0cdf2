/**
 * Waits until `condition()` holds, polling every 50 ms; fails with `what` after `timeoutMs`. For
 * outcomes that arrive asynchronously (a reply posted after a timer, a sweep, a lifecycle event);
 * the generous default keeps it from flaking on a loaded 2-core machine, while a met condition
 * returns at once.
 */
export async function eventually(
  condition: () => boolean,
  timeoutMs = 30_000,
  what = 'condition not met in time',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(what);
    await new Promise((r) => setTimeout(r, 50));
  }
}
