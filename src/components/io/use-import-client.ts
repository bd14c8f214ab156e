import type { ImportRequest, ImportResponse } from '@/workers/import-protocol'
import type { ImportClient, WorkerLike } from '@/workers/import-client'
import { onBeforeUnmount } from 'vue'
import { createImportClient } from '@/workers/import-client'
import { handleImportRequest } from '@/workers/import-handler'

/**
 * A stand-in worker running the import handler on this thread, for environments without
 * module workers (the component tests' happy-dom). The browser always gets the real worker.
 */
export function inProcessWorker(): WorkerLike {
  const listeners: ((e: MessageEvent<ImportResponse>) => void)[] = []
  return {
    postMessage: (msg: ImportRequest) => {
      // Posted asynchronously, like a real worker, so callers see the same ordering.
      setTimeout(() => {
        void handleImportRequest(msg, reply => setTimeout(() => listeners.forEach(l => l({ data: reply } as MessageEvent<ImportResponse>)), 0))
      }, 0)
    },
    addEventListener: (_type, listener) => { listeners.push(listener) },
    terminate: () => { listeners.length = 0 },
  }
}

/** The import worker's client for one component; the worker stops when the component unmounts. */
export function useImportClient(): ImportClient {
  const client = typeof Worker === 'undefined' ? createImportClient(inProcessWorker) : createImportClient()
  onBeforeUnmount(() => client.dispose())
  return client
}
