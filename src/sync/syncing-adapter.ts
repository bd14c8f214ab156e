// The StorageAdapter the app uses when team sync is on: the local adapter, with every commit
// also written into the sync mirror (after it landed locally, so the local write-ahead log
// starts in the task that asked for it; the sync journal covers the gap between the two), and
// pulled changes delivered like another tab's.
import type { StorageAdapter } from '@/core/storage/adapter'
import type { SyncEngine } from './engine'

/** Called when a locally committed change could not be kept for sync (the mirror refused it). */
export type MirrorFailure = (error: unknown) => void

export function withSync(local: StorageAdapter, engine: SyncEngine, onMirrorFailure: MirrorFailure): StorageAdapter {
  // Mirror writes run in commit order, one after another.
  let queue: Promise<void> = Promise.resolve()
  return {
    ...local,
    async commit(tx) {
      // Noted before the local commit starts, dropped once the mirror has it: a tab closed in
      // between leaves the note, and the next start queues those documents (engine.recover).
      const entry = engine.note(tx)
      try {
        await local.commit(tx)
      }
      catch (error) {
        engine.forget(entry)
        throw error
      }
      const written = queue.then(() => engine.write(tx)).then(() => engine.forget(entry))
      // A mirror write that failed keeps its note too: the next start tries again.
      queue = written.catch(onMirrorFailure)
      await queue
    },
    async putBlobs(blobs) {
      await local.putBlobs(blobs)
      // In the mirror's write order, so a record naming a file is never pushed before it.
      const entry = engine.noteFiles(blobs.map(b => b.key))
      const written = queue.then(() => engine.writeFiles(blobs)).then(() => engine.forget(entry))
      queue = written.catch(onMirrorFailure)
      await queue
    },
    onExternalChange(listener) {
      const offLocal = local.onExternalChange(listener)
      const offPulled = engine.onPulled(listener)
      return () => {
        offLocal()
        offPulled()
      }
    },
    async close() {
      await engine.stop()
      await local.close()
    },
  }
}
