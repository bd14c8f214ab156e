/** A promise API around the import worker, with progress and cancel. */
import type { ImportPlan } from '../core/io/import-types'
import type { FileRefusal } from '../core/io/sniff'
import type { ImportRequest, ImportResponse, ParsedFile, ParseOptions, PlanRequest } from './import-protocol'

/** A running worker job. */
export interface ImportTask<T> {
  promise: Promise<T>
  /** Stops the job; the promise rejects with an `ImportCancelled` error. */
  cancel: () => void
}

/** Rejection reason of a cancelled task. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled')
    this.name = 'ImportCancelled'
  }
}

/** Rejection reason of a file the worker will not import (binary, too many columns). */
export class FileRefused extends Error {
  constructor(readonly refusal: FileRefusal) {
    super(`file refused: ${refusal.kind}`)
    this.name = 'FileRefused'
  }
}

/** Minimal worker surface, so tests can pass a fake. */
export interface WorkerLike {
  postMessage: (msg: ImportRequest) => void
  addEventListener: (type: 'message', listener: (e: MessageEvent<ImportResponse>) => void) => void
  terminate: () => void
}

/** The client returned by `createImportClient`. */
export interface ImportClient {
  /** Reads a CSV/TSV/XLSX file: headers, rows, encoding, date format and proposed fields. */
  parse: (bytes: Uint8Array, options: ParseOptions, onProgress?: (fraction: number) => void) => ImportTask<ParsedFile>
  /** Plans an import of parsed rows into a form. */
  plan: (input: PlanRequest) => ImportTask<ImportPlan>
  /** Stops the worker; pending tasks reject. */
  dispose: () => void
}

function defaultWorker(): WorkerLike {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike
}

/** Starts an import worker (lazily, on first use) and returns its promise API. */
export function createImportClient(createWorker: () => WorkerLike = defaultWorker): ImportClient {
  let worker: WorkerLike | undefined
  let nextId = 1
  const pending = new Map<number, { resolve: (v: never) => void, reject: (e: unknown) => void, onProgress?: (f: number) => void }>()

  const onMessage = (e: MessageEvent<ImportResponse>) => {
    const msg = e.data
    const job = pending.get(msg.id)
    if (!job) return
    if (msg.type === 'progress') return job.onProgress?.(msg.fraction)
    pending.delete(msg.id)
    if (msg.type === 'error') job.reject(msg.cancelled ? new ImportCancelled() : msg.refusal ? new FileRefused(msg.refusal) : new Error(msg.message))
    else job.resolve(msg.result as never)
  }

  const start = <T>(make: (id: number) => ImportRequest, onProgress?: (f: number) => void): ImportTask<T> => {
    if (!worker) {
      worker = createWorker()
      worker.addEventListener('message', onMessage)
    }
    const w = worker
    const id = nextId++
    const promise = new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: never) => void, reject, onProgress })
      w.postMessage(make(id))
    })
    return {
      promise,
      cancel: () => {
        const job = pending.get(id)
        if (!job) return
        w.postMessage({ type: 'cancel', id })
        pending.delete(id)
        job.reject(new ImportCancelled())
      },
    }
  }

  return {
    parse: (bytes, options, onProgress) => start<ParsedFile>(id => ({ type: 'parse', id, bytes, options }), onProgress),
    plan: input => start<ImportPlan>(id => ({ type: 'plan', id, input })),
    dispose: () => {
      worker?.terminate()
      worker = undefined
      for (const job of pending.values()) job.reject(new ImportCancelled())
      pending.clear()
    },
  }
}
