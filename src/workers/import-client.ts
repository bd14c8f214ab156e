/** A promise API around the import worker, with progress and cancel. */
import type { ImportPlan } from '../core/io/import-types'
import type { PlanSummary } from '../core/io/plan-summary'
import type { FileRefusal } from '../core/io/sniff'
import type { BuiltBatch } from '../core/io/built-batches'
import { unpackBatch } from '../core/io/packed-batch'
import type { BuildRequest, ImportRequest, ImportResponse, ParsedFile, ParseOptions, PlanRequest } from './import-protocol'

/** A running worker job. */
export interface ImportTask<T> {
  promise: Promise<T>
  /** Stops the job; the promise rejects with an `ImportCancelled` error. */
  cancel: () => void
  /** The request's id (a kept plan is built by it). */
  id: number
}

/** The batches of a build, in order, as the worker posts them. */
export interface BuildStream {
  /** The next batch; undefined after the last. Rejects when the build failed or was cancelled. */
  next: () => Promise<BuiltBatch | undefined>
  /** Batch `index` is committed: the worker may build further ahead. */
  ack: (index: number) => void
  /** Stops the build (batches not yet taken are dropped). */
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
  /** Plans an import of parsed rows into a form (a preview: the plan is posted whole, not kept). */
  plan: (input: PlanRequest) => ImportTask<ImportPlan>
  /** Plans an import the worker keeps for `build` and `planOf`; only its summary is posted back. */
  check: (input: PlanRequest) => ImportTask<PlanSummary>
  /** The whole of the plan kept by check `planId` (to write it on the page). */
  planOf: (planId: number) => ImportTask<ImportPlan>
  /** Builds the batches of a kept plan in the worker, posted one by one ahead of the commits. */
  build: (input: BuildRequest) => BuildStream
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
  const streams = new Map<number, { push: (b: BuiltBatch) => void }>()

  const onMessage = (e: MessageEvent<ImportResponse>) => {
    const msg = e.data
    if (msg.type === 'batch') return streams.get(msg.id)?.push(unpackBatch(msg.batch))
    const job = pending.get(msg.id)
    if (!job) return
    if (msg.type === 'progress') return job.onProgress?.(msg.fraction)
    pending.delete(msg.id)
    if (msg.type === 'error') job.reject(msg.cancelled ? new ImportCancelled() : msg.refusal ? new FileRefused(msg.refusal) : new Error(msg.message))
    else job.resolve(msg.result as never)
  }

  const open = (): WorkerLike => {
    if (!worker) {
      worker = createWorker()
      worker.addEventListener('message', onMessage)
    }
    return worker
  }

  const start = <T>(make: (id: number) => ImportRequest, onProgress?: (f: number) => void): ImportTask<T> => {
    const w = open()
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
      id,
    }
  }

  const build = (input: BuildRequest): BuildStream => {
    const queue: BuiltBatch[] = []
    let waiting: { resolve: (b: BuiltBatch | undefined) => void, reject: (e: unknown) => void } | undefined
    let ended: { error?: unknown } | undefined
    const task = start<{ batches: number }>(id => ({ type: 'build', id, input }))
    const settle = () => {
      if (!waiting) return
      const w = waiting
      if (queue.length) w.resolve(queue.shift())
      else if (ended?.error !== undefined) w.reject(ended.error)
      else if (ended) w.resolve(undefined)
      else return
      waiting = undefined
    }
    streams.set(task.id, { push: (b) => {
      queue.push(b)
      settle()
    } })
    task.promise.then(() => (ended = {}), error => (ended = { error })).finally(() => {
      streams.delete(task.id)
      settle()
    })
    return {
      next: () => new Promise((resolve, reject) => {
        waiting = { resolve, reject }
        settle()
      }),
      ack: index => worker?.postMessage({ type: 'ack', id: task.id, index }),
      cancel: () => {
        queue.length = 0
        task.cancel()
      },
    }
  }

  return {
    parse: (bytes, options, onProgress) => start<ParsedFile>(id => ({ type: 'parse', id, bytes, options }), onProgress),
    plan: input => start<ImportPlan>(id => ({ type: 'plan', id, input })),
    check: input => start<PlanSummary>(id => ({ type: 'plan', id, input, keep: true })),
    planOf: planId => start<ImportPlan>(id => ({ type: 'plan-of', id, planId })),
    build,
    dispose: () => {
      worker?.terminate()
      worker = undefined
      for (const job of pending.values()) job.reject(new ImportCancelled())
      pending.clear()
    },
  }
}
