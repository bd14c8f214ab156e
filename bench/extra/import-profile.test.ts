/**
 * Logs-only: a CPU profile of one bulk-import run in the bench page (Chromium), summarised by
 * self time per function and per source file. Build the page unminified first:
 * `npx vite build --config bench/browser/vite.config.ts --minify false`, then
 * `FG_PROFILE_SIZE=100000 npx vitest run --config bench/vitest.bench.config.ts --project bench-extra bench/extra/import-profile.test.ts`.
 */
import { writeFileSync } from 'node:fs'
import { it } from 'vitest'
import { startBrowserBench } from '../ops/browser'

interface Node { id: number, callFrame: { functionName: string, url: string, lineNumber: number }, children?: number[] }
interface Profile { nodes: Node[], samples: number[], timeDeltas: number[] }

it('profiles one bulk-import', async () => {
  const size = Number(process.env.FG_PROFILE_SIZE ?? 100_000)
  const b = await startBrowserBench()
  try {
    const page = await b.page()
    await b.call(page, 'prepareCsv', size)
    await b.call(page, 'prepare', size)
    // warm-up
    await b.call(page, 'dropDb', 'fg-prof-0')
    await b.call(page, 'bulkImport', 'fg-prof-0', size)
    await b.call(page, 'dropDb', 'fg-prof-0')
    // FG_PROFILE_OP=bulkImportIntoGrid: the import through the records store with the grid open
    const op = process.env.FG_PROFILE_OP === 'bulkImportIntoGrid' ? 'bulkImportIntoGrid' : 'bulkImport'
    // FG_PROFILE_RUNS=n: n plain timed runs (no profiler), alternating with the floor, then stop.
    const plain = Number(process.env.FG_PROFILE_RUNS ?? 0)
    if (plain > 0) {
      const out: string[] = []
      for (let i = 0; i < plain; i++) {
        await b.call(page, 'dropDb', `fg-plain-${i}`)
        const ours = await b.call(page, op, `fg-plain-${i}`, size)
        await b.call(page, 'dropDb', `fg-plain-${i}`)
        const floor = await b.call(page, 'floorImport', `fg-floor-${i}`, size, 1000)
        await b.call(page, 'dropDb', `fg-floor-${i}`)
        const phases = await b.call(page, 'importPhases')
        out.push(`${ours.toFixed(0)}/${floor.toFixed(0)}`)
        console.log(`run ${i}: ${Object.entries(phases).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`)
      }
      console.log(`bulk-import ${size} plain runs (ours/floor ms): ${out.join(' ')}`)
      return
    }
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
    const ms = await b.call(page, op, 'fg-prof-1', size)
    const { profile } = await cdp.send('Profiler.stop') as unknown as { profile: Profile }
    await b.call(page, 'dropDb', 'fg-prof-1')
    writeFileSync(`/tmp/17i/import-${size}.cpuprofile`, JSON.stringify(profile))
    const byId = new Map(profile.nodes.map(n => [n.id, n]))
    const self = new Map<string, number>()
    const file = new Map<string, number>()
    let total = 0
    profile.samples.forEach((id, i) => {
      const n = byId.get(id)!
      const dt = (profile.timeDeltas[i] ?? 0) / 1000
      total += dt
      const f = n.callFrame
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`
      self.set(key, (self.get(key) ?? 0) + dt)
      const fk = f.url ? f.url.split('/').pop()! : f.functionName
      file.set(fk, (file.get(fk) ?? 0) + dt)
    })
    const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, v]) => `${v.toFixed(0).padStart(6)} ms ${(100 * v / total).toFixed(1).padStart(5)} %  ${n}`).join('\n')
    console.log(`bulk-import ${size}: ${ms.toFixed(0)} ms; profiled ${total.toFixed(0)} ms\n-- self by function --\n${top(self, 40)}\n-- by file --\n${top(file, 15)}`)
  }
  finally {
    await b.close()
  }
}, 600_000)
