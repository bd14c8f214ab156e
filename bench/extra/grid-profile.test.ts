/**
 * Logs-only: Chromium CPU profiles of one cell edit (records store -> DataGrid) and of one cold
 * sort-filter query in the bench page, summarised by self and total time per function. Build the
 * page unminified first: `npx vite build --config bench/browser/vite.config.ts --minify false`, then
 * `FG_PROFILE_SIZE=100000 npx vitest run --config bench/vitest.bench.config.ts --project bench-extra bench/extra/grid-profile.test.ts`.
 * FG_PROFILE_OPS=edit,cold (default both; also `read`: the adapter's streamed read of the seeded form
 * on a fresh page, `open`: a whole cold open, `grid`: its baseline, the grid from memory; see bench/browser/open-ops.ts); profiles are written to FG_PROFILE_DIR (default /tmp).
 */
import { writeFileSync } from 'node:fs'
import type { CDPSession } from 'playwright-core'
import { it } from 'vitest'
import { startBrowserBench } from '../ops/browser'

interface Node { id: number, callFrame: { functionName: string, url: string, lineNumber: number }, children?: number[] }
interface Profile { nodes: Node[], samples: number[], timeDeltas: number[] }

function summarise(label: string, profile: Profile): string {
  const byId = new Map(profile.nodes.map(n => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const name = (n: Node): string => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  let all = 0
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000
    const n = byId.get(id)!
    if (n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)') return
    all += dt
    self.set(name(n), (self.get(name(n)) ?? 0) + dt)
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = name(byId.get(at)!)
      if (seen.has(k)) continue
      seen.add(k)
      total.set(k, (total.get(k) ?? 0) + dt)
    }
  })
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, v]) => `${v.toFixed(1).padStart(8)} ms ${(100 * v / all).toFixed(1).padStart(5)} %  ${n}`).join('\n')
  // top-down tree of the nodes above 1 % of the busy time
  const nodeTotal = new Map<number, number>()
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000
    if (['(idle)', '(program)'].includes(byId.get(id)!.callFrame.functionName)) return
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) nodeTotal.set(at, (nodeTotal.get(at) ?? 0) + dt)
  })
  const lines: string[] = []
  const walk = (n: Node, depth: number): void => {
    const t = nodeTotal.get(n.id) ?? 0
    if (t < all * 0.01 || depth > 40) return
    lines.push(`${t.toFixed(1).padStart(8)} ms ${'  '.repeat(depth)}${name(n)}`)
    for (const c of [...n.children ?? []].sort((a, b) => (nodeTotal.get(b) ?? 0) - (nodeTotal.get(a) ?? 0))) walk(byId.get(c)!, depth + 1)
  }
  walk(profile.nodes[0]!, 0)
  return `${label}: busy ${all.toFixed(0)} ms\n-- self --\n${top(self, 35)}\n-- total --\n${top(total, 45)}\n-- tree --\n${lines.join('\n')}`
}

async function profiled<T>(cdp: CDPSession, file: string, run: () => Promise<T>): Promise<{ result: T, profile: Profile }> {
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  await cdp.send('Profiler.start')
  const result = await run()
  const { profile } = await cdp.send('Profiler.stop') as unknown as { profile: Profile }
  writeFileSync(file, JSON.stringify(profile))
  return { result, profile }
}

it('profiles an edit and a cold query', async () => {
  const size = Number(process.env.FG_PROFILE_SIZE ?? 100_000)
  const ops = new Set((process.env.FG_PROFILE_OPS ?? 'edit,cold').split(','))
  const dir = process.env.FG_PROFILE_DIR ?? '/tmp'
  const b = await startBrowserBench()
  try {
    if (ops.has('edit')) {
      const db = `fg-open-${size}`
      await b.call(await b.page(), 'seed', db, size)
      const page = await b.page()
      await b.call(page, 'coldOpen', db)
      for (let i = 0; i < 4; i++) await b.call(page, 'edit', i)
      const cdp = await page.context().newCDPSession(page)
      const times: string[] = []
      const { profile } = await profiled(cdp, `${dir}/edit-${size}.cpuprofile`, async () => {
        for (let i = 4; i < 9; i++) {
          const r = await b.call(page, 'edit', i, false)
          times.push(`${r.visible.toFixed(1)}/${r.durable.toFixed(1)}/${r.baseline.toFixed(1)}`)
        }
      })
      console.log(`edit ${size} visible/durable/baseline ms: ${times.join(' ')}\n${summarise('5 edits', profile)}`)
    }
    if (ops.has('open') || ops.has('read')) {
      const db = `fg-open-${size}`
      await b.call(await b.page(), 'seed', db, size)
      for (const op of ['read', 'open'] as const) {
        if (!ops.has(op)) continue
        // One unprofiled round first (the IndexedDB files warm, as in the bench's warm-up run).
        await b.call(await b.page(), op === 'read' ? 'readRecords' : 'coldOpen', db)
        const page = await b.page()
        const cdp = await page.context().newCDPSession(page)
        let ms = ''
        const { profile } = await profiled(cdp, `${dir}/${op}-${size}.cpuprofile`, async () => {
          const r = op === 'read' ? await b.call(page, 'readRecords', db) : await b.call(page, 'coldOpen', db)
          ms = JSON.stringify(r)
        })
        console.log(`${op} ${size}: ${ms}\n${summarise(op === 'read' ? 'the adapter\'s streamed read' : 'cold-open', profile)}`)
      }
    }
    if (ops.has('grid')) {
      // The cold-open baseline: the same DataGrid given the rows from memory.
      await b.call(await b.page(), 'prepare', size)
      const page = await b.page()
      await b.call(page, 'prepare', size)
      const cdp = await page.context().newCDPSession(page)
      let ms = 0
      const { profile } = await profiled(cdp, `${dir}/grid-${size}.cpuprofile`, async () => {
        ms = await b.call(page, 'coldOpenBaseline', size)
      })
      console.log(`grid ${size}: ${ms}\n${summarise('the grid from memory', profile)}`)
    }
    if (ops.has('cold')) {
      const page = await b.page()
      await b.call(page, 'prepare', size)
      for (let i = 0; i < 3; i++) await b.call(page, 'oursSortFilterCold', size)
      const cdp = await page.context().newCDPSession(page)
      const times: string[] = []
      const { profile } = await profiled(cdp, `${dir}/cold-${size}.cpuprofile`, async () => {
        for (let i = 0; i < 5; i++) times.push((await b.call(page, 'oursSortFilterCold', size)).ms.toFixed(1))
      })
      const warm: string[] = []
      for (let i = 0; i < 5; i++) warm.push((await b.call(page, 'oursSortFilter', size)).ms.toFixed(1))
      console.log(`sort-filter-cold ${size} ms: ${times.join(' ')}; warm: ${warm.join(' ')}\n${summarise('5 cold queries', profile)}`)
    }
  }
  finally {
    await b.close()
  }
}, 900_000)
