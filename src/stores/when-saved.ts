import type { useSaveStatusStore } from './save-status'
import { watch } from 'vue'

/** Resolves once no write is in flight, so a read from the adapter sees the latest change. */
export function whenSaved(saver: ReturnType<typeof useSaveStatusStore>): Promise<void> {
  if (saver.inFlight === 0) return Promise.resolve()
  return new Promise((resolve) => {
    const stop = watch(() => saver.inFlight, (n) => {
      if (n === 0) {
        stop()
        resolve()
      }
    })
  })
}
