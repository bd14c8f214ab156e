#!/usr/bin/env node
// A local CouchDB-protocol server for FunnelGrid's team sync: pouchdb-server, in memory (or on
// a folder with --dir), bound to loopback, with a server admin and CORS for the app's origins.
// `npm run sync-server` runs it; the tests start the same server through `startSyncServer`.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const BIN = join(root, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server')
// A fix of a pouchdb-server bug that loses replicated updates (see the file).
const FIXES = join(root, 'tools', 'pouchdb-server-fixes.cjs')

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', fail)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => ok(port))
    })
  })
}

async function waitForServer(url, child, log) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with code ${child.exitCode}:\n${log()}`)
    try {
      const res = await fetch(url)
      if (res.ok) return
    }
    catch { /* not up yet */ }
    await new Promise(r => setTimeout(r, 100))
  }
  throw new Error(`pouchdb-server did not answer on ${url} within 60 s:\n${log()}`)
}

async function configure(url, path, value, auth) {
  const res = await fetch(`${url}_config/${path}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) },
    body: JSON.stringify(value),
  })
  if (!res.ok) throw new Error(`Setting ${path} on the sync server failed: ${res.status} ${await res.text()}`)
}

/**
 * Start pouchdb-server. Resolves once it answers, with its address, the admin's Basic
 * credentials and `stop()`. Its config.json and log are written to a temporary folder (never the
 * checkout), removed on stop.
 */
export async function startSyncServer(options = {}) {
  const host = options.host ?? '127.0.0.1'
  const port = options.port ?? await freePort()
  const admin = options.admin ?? 'admin'
  const password = options.password ?? 'admin'
  const work = mkdtempSync(join(tmpdir(), 'funnelgrid-sync-'))
  const args = ['--require', FIXES, BIN, '--host', host, '--port', String(port), '--config', join(work, 'config.json'), '--no-stdout-logs']
  if (options.dir) args.push('--dir', resolve(options.dir))
  else args.push('--in-memory')
  const child = spawn(process.execPath, args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const keep = (chunk) => { output = (output + chunk).slice(-8000) }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const url = `http://${host}:${port}/`
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise(r => child.once('exit', r))
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise(r => setTimeout(r, 3000))])
      if (child.exitCode === null) child.kill('SIGKILL')
    }
    rmSync(work, { recursive: true, force: true })
  }
  try {
    await waitForServer(url, child, () => output)
    await configure(url, `admins/${encodeURIComponent(admin)}`, password)
    const auth = `Basic ${Buffer.from(`${admin}:${password}`).toString('base64')}`
    if (options.origins?.length) await configure(url, 'cors/origins', options.origins.join(', '), auth)
    return { url, port, admin, password, auth, stop, pid: child.pid, output: () => output }
  }
  catch (error) {
    await stop()
    throw error
  }
}

function argValue(name) {
  const i = process.argv.indexOf(name)
  return i === -1 ? undefined : process.argv[i + 1]
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(argValue('--port') ?? process.env.FG_SYNC_PORT ?? 5984)
  const admin = argValue('--admin') ?? process.env.FG_SYNC_ADMIN ?? 'admin'
  const password = argValue('--password') ?? process.env.FG_SYNC_PASSWORD ?? 'admin'
  const dir = argValue('--dir')
  const origins = ['http://localhost:5173', 'http://127.0.0.1:5173', 'http://localhost:4173', 'http://127.0.0.1:4173']
  const server = await startSyncServer({ port, admin, password, dir, origins })
  console.log(`FunnelGrid sync server (pouchdb-server) on ${server.url}`)
  console.log(`  data: ${dir ? resolve(dir) : 'in memory (gone when this stops; use --dir <folder> to keep it)'}`)
  console.log(`  server admin: ${admin} / ${password === 'admin' ? 'admin (change with --password)' : '(as given)'}`)
  console.log(`  CORS allows: ${origins.join(', ')}`)
  console.log('  In FunnelGrid: 设置 → 团队协作 / Settings → Team sync, enter this address and sign in. Ctrl+C stops.')
  const quit = () => { void server.stop().then(() => process.exit(0)) }
  process.on('SIGINT', quit)
  process.on('SIGTERM', quit)
}
