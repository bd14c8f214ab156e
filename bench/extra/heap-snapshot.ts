/**
 * A V8 heap snapshot (.heapsnapshot, as Chromium's HeapProfiler writes it) read without one
 * JSON.parse of the whole file (hundreds of MB at 100k records): the node and edge arrays are
 * scanned as digits into typed arrays, the strings parsed on their own. Then a dominator tree
 * (Cooper-Harvey-Kennedy over a DFS post-order, weak edges ignored, as DevTools does) gives each
 * node's retained size, and `report` prints what holds the heap.
 */
import { readFileSync } from 'node:fs'

interface Meta { node_fields: string[], node_types: [string[], ...unknown[]], edge_fields: string[], edge_types: [string[], ...unknown[]] }

export interface Snapshot {
  nodeCount: number
  type: Uint8Array
  name: Uint32Array
  self: Float64Array
  firstEdge: Uint32Array
  edgeType: Uint8Array
  edgeName: Uint32Array
  edgeTo: Uint32Array
  strings: string[]
  nodeTypes: string[]
  edgeTypes: string[]
}

function ints(buf: Buffer, from: number, out: { set: (i: number, v: number) => void }, count: number): number {
  let i = from
  let k = 0
  while (k < count) {
    let c = buf[i]!
    while (c < 48 || c > 57) c = buf[++i]!
    let v = 0
    while (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48)
      c = buf[++i]!
    }
    out.set(k++, v)
  }
  return i
}

export function readSnapshot(file: string): Snapshot {
  const buf = readFileSync(file)
  const nodesAt = buf.indexOf('"nodes":[')
  const head = JSON.parse(`${buf.subarray(0, nodesAt).toString().replace(/,\s*$/, '')}}`) as { snapshot: { meta: Meta, node_count: number, edge_count: number } }
  const { meta, node_count: n, edge_count: e } = head.snapshot
  const nf = meta.node_fields.length
  const ef = meta.edge_fields.length
  const nodes = new Float64Array(n * nf)
  let at = ints(buf, nodesAt + 9, { set: (i, v) => { nodes[i] = v } }, n * nf)
  const edges = new Uint32Array(e * ef)
  at = ints(buf, buf.indexOf('"edges":[', at) + 9, { set: (i, v) => { edges[i] = v } }, e * ef)
  const sAt = buf.indexOf('"strings":[', at)
  const strings = JSON.parse(buf.subarray(sAt + 10, buf.lastIndexOf(']') + 1).toString()) as string[]
  const fi = (f: string): number => meta.node_fields.indexOf(f)
  const [tI, nI, sI, ecI] = [fi('type'), fi('name'), fi('self_size'), fi('edge_count')]
  const [etI, enI, toI] = ['type', 'name_or_index', 'to_node'].map(f => meta.edge_fields.indexOf(f)) as [number, number, number]
  const snap: Snapshot = {
    nodeCount: n, type: new Uint8Array(n), name: new Uint32Array(n), self: new Float64Array(n), firstEdge: new Uint32Array(n + 1),
    edgeType: new Uint8Array(e), edgeName: new Uint32Array(e), edgeTo: new Uint32Array(e), strings,
    nodeTypes: meta.node_types[0], edgeTypes: meta.edge_types[0],
  }
  for (let i = 0; i < n; i++) {
    snap.type[i] = nodes[i * nf + tI]!
    snap.name[i] = nodes[i * nf + nI]!
    snap.self[i] = nodes[i * nf + sI]!
    snap.firstEdge[i + 1] = snap.firstEdge[i]! + nodes[i * nf + ecI]!
  }
  for (let j = 0; j < e; j++) {
    snap.edgeType[j] = edges[j * ef + etI]!
    snap.edgeName[j] = edges[j * ef + enI]!
    snap.edgeTo[j] = edges[j * ef + toI]! / nf
  }
  return snap
}

/** Immediate dominators and retained sizes (node 0 is the root). */
export function dominators(s: Snapshot): { idom: Int32Array, retained: Float64Array, order: Uint32Array } {
  const n = s.nodeCount
  const weak = s.edgeTypes.indexOf('weak')
  const strong = (j: number): boolean => s.edgeType[j] !== weak
  // iterative DFS post-order
  const post = new Int32Array(n).fill(-1)
  const order = new Uint32Array(n)
  let count = 0
  const stack = new Uint32Array(n)
  const next = new Uint32Array(n)
  const seen = new Uint8Array(n)
  let sp = 0
  stack[sp++] = 0
  seen[0] = 1
  next[0] = s.firstEdge[0]!
  while (sp > 0) {
    const v = stack[sp - 1]!
    if (next[v]! < s.firstEdge[v + 1]!) {
      const j = next[v]!++
      const w = s.edgeTo[j]!
      if (!strong(j) || seen[w]) continue
      seen[w] = 1
      next[w] = s.firstEdge[w]!
      stack[sp++] = w
    }
    else {
      sp--
      post[v] = count
      order[count++] = v
    }
  }
  // predecessors (reachable, strong edges)
  const predCount = new Uint32Array(n + 1)
  for (let v = 0; v < n; v++) {
    if (post[v]! < 0) continue
    for (let j = s.firstEdge[v]!; j < s.firstEdge[v + 1]!; j++) if (strong(j)) predCount[s.edgeTo[j]! + 1]!++
  }
  for (let v = 0; v < n; v++) predCount[v + 1]! += predCount[v]!
  const preds = new Uint32Array(predCount[n]!)
  const fill = predCount.slice(0, n)
  for (let v = 0; v < n; v++) {
    if (post[v]! < 0) continue
    for (let j = s.firstEdge[v]!; j < s.firstEdge[v + 1]!; j++) if (strong(j)) preds[fill[s.edgeTo[j]!]!++] = v
  }
  const idom = new Int32Array(n).fill(-1)
  idom[0] = 0
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (post[a]! < post[b]!) a = idom[a]!
      while (post[b]! < post[a]!) b = idom[b]!
    }
    return a
  }
  for (let changed = true; changed;) {
    changed = false
    for (let k = count - 1; k >= 0; k--) {
      const v = order[k]!
      if (v === 0) continue
      let d = -1
      for (let p = predCount[v]!; p < predCount[v + 1]!; p++) {
        const u = preds[p]!
        if (idom[u]! < 0) continue
        d = d < 0 ? u : intersect(u, d)
      }
      if (d >= 0 && idom[v] !== d) {
        idom[v] = d
        changed = true
      }
    }
  }
  const retained = new Float64Array(n)
  for (let k = 0; k < count; k++) {
    const v = order[k]!
    retained[v]! += s.self[v]!
    if (v !== 0) retained[idom[v]!]! += retained[v]!
  }
  return { idom, retained, order: order.subarray(0, count) }
}

const MB = (b: number): string => (b / 2 ** 20).toFixed(2).padStart(8)

/** Self size by node type and name (strings by type only), and the dominator tree down to `minShare` of the heap. */
export function report(s: Snapshot, minShare = 0.01, top = 45): string {
  const { idom, retained, order } = dominators(s)
  const total = retained[0]!
  const label = (v: number): string => {
    const t = s.nodeTypes[s.type[v]!]!
    const nm = s.strings[s.name[v]!] ?? ''
    return t === 'string' || t === 'concatenated string' || t === 'sliced string' ? `(${t}) ${JSON.stringify(nm.slice(0, 24))}` : `${t} ${nm.slice(0, 60)}`
  }
  const byClass = new Map<string, { count: number, size: number }>()
  for (const v of order) {
    const t = s.nodeTypes[s.type[v]!]!
    const key = t === 'string' || t === 'concatenated string' || t === 'sliced string' || t === 'number' ? `(${t})` : `${t} ${(s.strings[s.name[v]!] ?? '').slice(0, 50)}`
    const c = byClass.get(key) ?? { count: 0, size: 0 }
    c.count++
    c.size += s.self[v]!
    byClass.set(key, c)
  }
  const lines = [`heap (reachable) ${MB(total)} MB, ${order.length} nodes`, '-- self size by type / constructor --']
  for (const [k, c] of [...byClass].sort((a, b) => b[1].size - a[1].size).slice(0, top)) lines.push(`${MB(c.size)} MB ${String(c.count).padStart(9)}  ${k}`)
  // dominator tree, children by retained size
  const kids = new Map<number, number[]>()
  for (const v of order) {
    if (v === 0) continue
    if (retained[v]! < total * minShare) continue
    const d = idom[v]!
    const list = kids.get(d)
    if (list) list.push(v)
    else kids.set(d, [v])
  }
  const edgeTo = (from: number, to: number): string => {
    for (let j = s.firstEdge[from]!; j < s.firstEdge[from + 1]!; j++) {
      if (s.edgeTo[j] !== to) continue
      const et = s.edgeTypes[s.edgeType[j]!]
      return et === 'element' || et === 'hidden' ? `[${s.edgeName[j]}]` : `.${s.strings[s.edgeName[j]!]}`
    }
    return ''
  }
  lines.push('-- dominator tree (retained) --')
  const walk = (v: number, depth: number): void => {
    lines.push(`${MB(retained[v]!)} MB ${'  '.repeat(depth)}${depth ? edgeTo(idom[v]!, v) : ''} ${label(v)} (self ${(s.self[v]! / 1024).toFixed(0)} KB)`)
    if (depth > 14) return
    for (const c of (kids.get(v) ?? []).sort((a, b) => retained[b]! - retained[a]!)) walk(c, depth + 1)
  }
  walk(0, 0)
  return lines.join('\n')
}
