/** Resolves when the browser is idle (at the latest after `timeoutMs`), or at once where there is no idle callback (Node, tests). */
export function idle(timeoutMs = 1000): Promise<void> {
  if (typeof requestIdleCallback !== 'function') return Promise.resolve()
  return new Promise(resolve => requestIdleCallback(() => resolve(), { timeout: timeoutMs }))
}
