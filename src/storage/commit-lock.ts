const chains = new Map<string, Promise<unknown>>()

interface LockManagerLike {
  request: <T>(name: string, callback: () => Promise<T>) => Promise<T>
}

function webLocks(): LockManagerLike | undefined {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator
  return nav?.locks
}

/**
 * Runs `fn` while holding the lock `name`: callers in this page queue in order, and when the
 * Web Locks API exists, other tabs wait too. Not reentrant: never call it from inside `fn`.
 */
export function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const locks = webLocks()
  const run = (): Promise<T> => (locks ? locks.request(`funnelgrid-storage:${name}`, fn) : fn())
  const prev = chains.get(name) ?? Promise.resolve()
  const next = prev.then(run, run)
  const tail = next.then(() => {}, () => {})
  chains.set(name, tail)
  void tail.then(() => {
    if (chains.get(name) === tail) chains.delete(name)
  })
  return next
}
