import type { Transaction } from './adapter'
import type { RecordConflict } from './conflicts'

/** A member of an in-process channel: receives the transactions the other members commit (as stored, with the versions they overwrote). */
export interface BusMember {
  receive: (tx: Transaction, conflicts: RecordConflict[]) => void
}

const channels = new Map<string, Set<BusMember>>()

/** Joins `channelName`; returns a function that leaves it. */
export function joinBus(channelName: string, member: BusMember): () => void {
  let members = channels.get(channelName)
  if (!members) {
    members = new Set()
    channels.set(channelName, members)
  }
  members.add(member)
  return () => {
    members.delete(member)
    if (members.size === 0) channels.delete(channelName)
  }
}

/**
 * Delivers `tx` to every other member of `channelName` in a later task, like a
 * BroadcastChannel: the sender's commit has resolved before anyone hears of it. Each member
 * gets its own copy.
 */
export function postToBus(channelName: string, sender: BusMember, tx: Transaction, conflicts: RecordConflict[] = []): void {
  for (const member of channels.get(channelName) ?? []) {
    if (member === sender) continue
    const copy = structuredClone({ tx, conflicts })
    setTimeout(() => {
      // Left the channel (closed) before delivery: drop, as a closed BroadcastChannel does.
      if (channels.get(channelName)?.has(member)) member.receive(copy.tx, copy.conflicts)
    }, 0)
  }
}
