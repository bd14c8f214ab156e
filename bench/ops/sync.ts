/**
 * sync-publish / sync-join / sync-latency (issue 12): team sync against a real CouchDB-protocol
 * server (pouchdb-server in memory on loopback, its own process), in Node with PouchDB's memory
 * adapter as the device's mirror and the memory adapter as its local store.
 * Device databases (mirrors, the baselines' sources and targets) are LevelDB on disk.
 * - publish: a device's whole workspace (the bench form, its records and stage events) pushed
 *   to a new workspace database, as the Team sync panel does (publishWorkspace: documents built
 *   from the backup, written into the mirror, replicated); baseline: PouchDB replicating the same
 *   documents, already in a memory database, to a new database.
 * - join: a fresh device pulling that workspace (joinWorkspace: replicate into the mirror, check
 *   every document, restore locally in one write); baseline: PouchDB replicating the database into
 *   a fresh memory database.
 * - latency: one edit committed on device A until device B's local store has applied it (both
 *   engines live); baseline: one document put on one live-syncing PouchDB until the other's
 *   changes feed shows it.
 * Peak heap: the highest `heapUsed` sampled every 20 ms during the op, minus the value before it.
 */
import PouchDBCore from 'pouchdb-core'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import LevelAdapter from 'pouchdb-adapter-leveldb'
import HttpAdapter from 'pouchdb-adapter-http'
import Replication from 'pouchdb-replication'
import type { StorageAdapter } from '../../src/core/storage/adapter'
import { createMemoryAdapter } from '../../src/core/storage/memory-adapter'
import { createWorkspaceDatabase, type ServerConnection } from '../../src/core/sync/server-api'
import { docsOfWorkspace } from '../../src/core/sync/tx-docs'
import { createSyncEngine, type SyncEngine } from '../../src/sync/engine'
import type { PouchDatabase, PouchDoc, PouchStatic } from '../../src/sync/pouch-types'
import { withSync } from '../../src/sync/syncing-adapter'
import { joinWorkspace, publishWorkspace } from '../../src/sync/transfer'
import { startSyncServer, type SyncServer } from '../../tools/sync-server.mjs'
import type { Dataset } from '../lib/data'
import { OPP_FORM } from '../lib/data'
import { summarize, type Timing } from '../lib/measure'

const PouchDB = (PouchDBCore as unknown as PouchStatic).plugin(LevelAdapter).plugin(HttpAdapter).plugin(Replication)
const BATCH = 1000

export interface SyncBench {
  documents: number
  publish: Timing
  publishBaseline: Timing
  join: Timing
  joinBaseline: Timing
  publishHeapMb: number
  joinHeapMb: number
  latency: Timing
  latencyBaseline: Timing
  /** After a join, until both live engines are caught up (their first replication checks every document). */
  catchUpMs: number
}

let n = 0
const unique = (what: string) => `bench-${what}-${Date.now().toString(36)}-${n++}`

/** Runs `work`: its time and the peak heap growth during it (MB). */
async function peakOf(work: () => Promise<unknown>): Promise<{ ms: number, heapMb: number }> {
  globalThis.gc?.()
  const before = process.memoryUsage().heapUsed
  let peak = before
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().heapUsed) }, 20)
  const t0 = performance.now()
  await work()
  const ms = performance.now() - t0
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage().heapUsed)
  return { ms, heapMb: Math.round(((peak - before) / 2 ** 20) * 10) / 10 }
}

async function localWith(ds: Dataset): Promise<StorageAdapter> {
  const local = createMemoryAdapter()
  await local.commit({
    defs: { put: [{ kind: 'form', doc: ds.form }] },
    settings: { schemaVersion: 1, members: [{ id: 'u-admin', name: 'admin', color: '#2f6bff' }], currentMemberId: 'u-admin' },
    records: { [OPP_FORM]: { put: ds.records } },
    stageEvents: ds.events,
  })
  return local
}

async function newDatabase(server: SyncServer, admin: ServerConnection): Promise<{ name: string, remote: PouchDatabase }> {
  const name = unique('ws')
  await createWorkspaceDatabase(admin, name, [{ name: server.admin, role: 'admin' }])
  return { name, remote: new PouchDB(`${server.url}${name}`, { skip_setup: true, auth: { username: server.admin, password: server.password } }) }
}

// Device databases on disk (LevelDB, pouchdb-server's own adapter), as the browser keeps its
// mirror in IndexedDB: the heap figure is the client's, not the stored documents'.
let dir = ''
const memory = (what: string) => new PouchDB(join(dir, unique(what)), { adapter: 'leveldb' })

async function replicate(from: PouchDatabase, to: PouchDatabase): Promise<void> {
  await PouchDB.replicate(from, to, { batch_size: BATCH, batches_limit: 2 })
}

/** Waits until `ready()` is true, checking every 2 ms; the time it took. */
async function until(ready: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<number> {
  const t0 = performance.now()
  while (!(await ready())) {
    if (performance.now() - t0 > timeoutMs) throw new Error(`sync bench: ${what} within ${timeoutMs / 1000} s`)
    await new Promise(r => setTimeout(r, 2))
  }
  return performance.now() - t0
}

export async function benchSync(ds: Dataset, runs: number, latencyRuns = 10): Promise<SyncBench> {
  const server = await startSyncServer()
  dir = mkdtempSync(join(tmpdir(), 'fg-bench-sync-'))
  const admin: ServerConnection = { url: server.url, headers: { Authorization: server.auth } }
  try {
    const local = await localWith(ds)
    const backup = await local.exportBackup()
    const docs = docsOfWorkspace(backup, { by: server.admin, at: new Date().toISOString() }) as PouchDoc[]
    const source = memory('source')
    for (let i = 0; i < docs.length; i += BATCH) await source.bulkDocs(docs.slice(i, i + BATCH).map(d => ({ ...d })))

    const times = { publish: [] as number[], publishBaseline: [] as number[], join: [] as number[], joinBaseline: [] as number[] }
    let publishHeapMb = 0
    let joinHeapMb = 0
    let published: { name: string, remote: PouchDatabase } | undefined
    // Interleaved, as measureAll does (one database per run: a publish needs an empty one).
    for (let run = 0; run < runs; run++) {
      const base = await newDatabase(server, admin)
      times.publishBaseline.push((await peakOf(() => replicate(source, base.remote))).ms)
      const ours = await newDatabase(server, admin)
      const p = await peakOf(() => publishWorkspace({ PouchDB, mirror: memory('mirror'), remote: ours.remote, local, user: server.admin, batchSize: BATCH }))
      times.publish.push(p.ms)
      publishHeapMb = Math.max(publishHeapMb, p.heapMb)
      published = ours
      times.joinBaseline.push((await peakOf(() => replicate(ours.remote, memory('pulled')))).ms)
      const j = await peakOf(() => joinWorkspace({ PouchDB, mirror: memory('join-mirror'), remote: ours.remote, local: createMemoryAdapter(), batchSize: BATCH }))
      times.join.push(j.ms)
      joinHeapMb = Math.max(joinHeapMb, j.heapMb)
      await base.remote.destroy().catch(() => {})
    }

    // Steady state: A and B live on the published workspace; one edit on A until B applied it.
    const latency: number[] = []
    const latencyBaseline: number[] = []
    let catchUpMs = 0
    if (published) {
      const devices: { engine: SyncEngine, adapter: StorageAdapter, local: StorageAdapter }[] = []
      for (const who of ['a', 'b']) {
        const mirror = memory(`live-${who}`)
        const here = createMemoryAdapter()
        await joinWorkspace({ PouchDB, mirror, remote: published.remote, local: here, batchSize: BATCH })
        const engine = createSyncEngine({ PouchDB, mirror, remote: published.remote, local: here, user: server.admin, unpushed: { load: () => [], save: () => {} } })
        devices.push({ engine, local: here, adapter: withSync(here, engine, (e) => { throw e }) })
      }
      const [a, b] = devices as [typeof devices[0], typeof devices[0]]
      const c0 = performance.now()
      for (const d of devices) await d.engine.start()
      // Steady state first: the live replication's first pass after a join checks every document.
      await until(() => devices.every(d => d.engine.status().state === 'synced'), 'the live engines were not caught up', 900_000)
      catchUpMs = performance.now() - c0
      let seen = ''
      b.adapter.onExternalChange(({ tx }) => {
        for (const row of tx.records?.[OPP_FORM]?.put ?? []) seen = String(row.values.f_opp_title ?? '')
      })
      const row = ds.records[0]!
      // The baseline's database has no FunnelGrid rules (they would refuse its document).
      const rawName = unique('raw')
      await fetch(`${server.url}${rawName}`, { method: 'PUT', headers: { Authorization: server.auth } })
      const rawRemote = new PouchDB(`${server.url}${rawName}`, { skip_setup: true, auth: { username: server.admin, password: server.password } })
      const rawA = memory('raw-a')
      const rawB = memory('raw-b')
      const syncs = [PouchDB.sync(rawA, rawRemote, { live: true, retry: true }), PouchDB.sync(rawB, rawRemote, { live: true, retry: true })]
      let rawSeen = ''
      const feed = rawB.changes({ since: 'now', live: true, include_docs: true }).on('change', (c: { doc?: PouchDoc }) => {
        if (c.doc?._id === 'bench-latency') rawSeen = String((c.doc as { n?: number }).n)
      })
      let rawRev: string | undefined
      try {
        for (let i = 0; i < latencyRuns + 1; i++) {
          const title = `latency ${i}`
          const current = (await a.local.loadRecords(OPP_FORM)).find(r => r.id === row.id)!
          const t0 = performance.now()
          await a.adapter.commit({ records: { [OPP_FORM]: { put: [{ ...current, values: { ...current.values, f_opp_title: title }, rev: current.rev + 1, updatedAt: Date.now() }] } } })
          // The first round is the warm-up (untimed): it also waits out what is left of the first pass.
          await until(() => seen === title, 'an edit did not reach the other device', i === 0 ? 600_000 : 30_000)
          if (i > 0) latency.push(performance.now() - t0)
          const r0 = performance.now()
          const put = await rawA.put({ _id: 'bench-latency', ...(rawRev ? { _rev: rawRev } : {}), n: i })
          rawRev = (put as { rev: string }).rev
          await until(() => rawSeen === String(i), 'a document did not reach the other database', i === 0 ? 600_000 : 30_000)
          if (i > 0) latencyBaseline.push(performance.now() - r0)
        }
      }
      finally {
        feed.cancel()
        for (const s of syncs) s.cancel()
        await Promise.all(syncs.map(s => new Promise((resolve) => { s.on('complete', resolve); s.on('error', resolve); setTimeout(resolve, 5000) })))
        for (const d of devices) await d.engine.stop()
      }
    }
    return {
      documents: docs.length,
      publish: summarize(times.publish), publishBaseline: summarize(times.publishBaseline),
      join: summarize(times.join), joinBaseline: summarize(times.joinBaseline),
      publishHeapMb, joinHeapMb,
      latency: summarize(latency), latencyBaseline: summarize(latencyBaseline), catchUpMs: Math.round(catchUpMs),
    }
  }
  finally {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
