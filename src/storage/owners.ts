/**
 * Which adapter instances (tabs) are alive, so a tab replays only the write-ahead-log entries
 * of tabs that are gone (closed, reloaded, crashed) and never one another live tab is about to
 * commit itself. Across tabs: each instance holds the Web Lock `funnelgrid-owner:<id>` for its
 * lifetime (the browser releases it when the page goes away). Within this page (and where Web
 * Locks are missing: Node tests), a set of the instances not closed.
 */

interface HeldLocks { held?: { name?: string }[], pending?: { name?: string }[] }
interface LockManagerLike {
  request: (name: string, callback: () => Promise<void>) => Promise<void>
  query: () => Promise<HeldLocks>
}

const PREFIX = 'funnelgrid-owner:'
const here = new Set<string>()

function webLocks(): LockManagerLike | undefined {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator
  return nav?.locks
}

/** A new owner id, alive until the returned `release` is called. */
export function claimOwner(): { id: string, release: () => void } {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
  here.add(id)
  let release = (): void => {}
  const locks = webLocks()
  if (locks) {
    void locks.request(PREFIX + id, () => new Promise<void>((resolve) => {
      release = resolve
    })).catch(() => {})
  }
  return {
    id,
    release: () => {
      here.delete(id)
      release()
    },
  }
}

/** Ids of the owners alive now: this page's, and other tabs' holding their lock. */
export async function liveOwners(): Promise<Set<string>> {
  const alive = new Set(here)
  const locks = webLocks()
  if (!locks) return alive
  const { held = [] } = await locks.query().catch((): HeldLocks => ({}))
  for (const lock of held) if (lock.name?.startsWith(PREFIX)) alive.add(lock.name.slice(PREFIX.length))
  return alive
}

/**
 * Whether an owner other than `self` is alive or about to be (its lock requested, not yet
 * granted): an adapter claims its owner before it reads anything, so a tab that is not counted
 * here reads storage after this call and needs no message about what was stored before it.
 */
export async function othersAlive(self: string): Promise<boolean> {
  for (const id of here) if (id !== self) return true
  const locks = webLocks()
  if (!locks) return false
  const { held = [], pending = [] } = await locks.query().catch((): HeldLocks => ({ held: [{ name: `${PREFIX}?` }] }))
  return [...held, ...pending].some(l => l.name?.startsWith(PREFIX) && l.name !== PREFIX + self)
}
