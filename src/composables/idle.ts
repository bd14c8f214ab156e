import type { ChunkedIdMap } from '@/core/utils/chunked-id-map'

/** Resolves when the browser is idle (at the latest after `timeoutMs`), or at once where there is no idle callback (Node, tests). */
export function idle(timeoutMs = 1000): Promise<void> {
  if (typeof requestIdleCallback !== 'function') return Promise.resolve()
  return new Promise(resolve => requestIdleCallback(() => resolve(), { timeout: timeoutMs }))
}

/**
 * Indexes the rows a ChunkedIdMap still holds unindexed a slice at a time in idle moments (each
 * within the idle period the browser grants), until none are left, so the first lookup after a
 * big open (an edit, a relation) does not pay for it. Where there is no idle callback (Node,
 * tests) the rows stay pending until the first use indexes them.
 */
export function indexWhenIdle(map: ChunkedIdMap<{ readonly id: string }>): void {
  if (typeof requestIdleCallback !== 'function' || !map.indexing) return
  const step = (deadline: IdleDeadline): void => {
    if (!map.indexSome(() => deadline.timeRemaining() < 2)) requestIdleCallback(step, { timeout: 1000 })
  }
  requestIdleCallback(step, { timeout: 1000 })
}
