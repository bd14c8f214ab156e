/**
 * Module worker for file import: decodes and parses CSV/XLSX and plans imports off the main
 * thread, posting progress. Start it with
 * `new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' })`.
 */
import type { ImportRequest, ImportResponse } from './import-protocol'
import { handleImportRequest } from './import-handler'

interface WorkerScope {
  postMessage: (msg: ImportResponse) => void
  addEventListener: (type: 'message', listener: (e: MessageEvent<ImportRequest>) => void) => void
}

const scope = self as unknown as WorkerScope

scope.addEventListener('message', (e) => {
  void handleImportRequest(e.data, msg => scope.postMessage(msg))
})
