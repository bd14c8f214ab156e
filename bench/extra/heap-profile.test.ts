/**
 * Logs-only: what the memory op's heap holds. On a fresh bench page: the heap (after GC) after
 * the cold open, after the browser is idle (the stores' warm-ups), after the quick search and
 * after the template dashboard; a sampling heap profile of the allocations still alive at the
 * end, by allocating function; and (FG_HEAP_SNAPSHOT=1) a heap snapshot summarised by
 * constructor and as a dominator tree (bench/extra/heap-snapshot.ts). Build the page unminified
 * first: `npx vite build --config bench/browser/vite.config.ts --minify false`, then
 * `FG_PROFILE_SIZE=100000 npx vitest run --config bench/vitest.bench.config.ts --project bench-extra bench/extra/heap-profile.test.ts`.
 */
import { createWriteStream } from 'node:fs'
import type { CDPSession } from 'playwright-core'
import { it } from 'vitest'
import { startBrowserBench } from '../ops/browser'
import { readSnapshot, report } from './heap-snapshot'

interface HeapNode { callFrame: { functionName: string, url: string, lineNumber: number }, selfSize: number, children: HeapNode[] }

function summarise(head: HeapNode): string {
  const name = (n: HeapNode): string => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  let all = 0
  const lines: string[] = []
  const sub = (n: HeapNode): number => n.selfSize + n.children.reduce((a, c) => a + sub(c), 0)
  const visit = (n: HeapNode, path: Set<string>): void => {
    const k = name(n)
    all += n.selfSize
    self.set(k, (self.get(k) ?? 0) + n.selfSize)
    const inner = new Set(path).add(k)
    for (const p of inner) total.set(p, (total.get(p) ?? 0) + n.selfSize)
    for (const c of n.children) visit(c, inner)
  }
  visit(head, new Set())
  const walk = (n: HeapNode, depth: number): void => {
    const t = sub(n)
    if (t < all * 0.01 || depth > 40) return
    lines.push(`${(t / 2 ** 20).toFixed(2).padStart(8)} MB ${'  '.repeat(depth)}${name(n)}`)
    for (const c of [...n.children].sort((a, b) => sub(b) - sub(a))) walk(c, depth + 1)
  }
  walk(head, 0)
  const top = (m: Map<string, number>, k: number): string => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, v]) => `${(v / 2 ** 20).toFixed(2).padStart(8)} MB ${(100 * v / all).toFixed(1).padStart(5)} %  ${n}`).join('\n')
  return `live sampled ${(all / 2 ** 20).toFixed(1)} MB\n-- self --\n${top(self, 35)}\n-- total --\n${top(total, 45)}\n-- tree --\n${lines.join('\n')}`
}

async function snapshot(cdp: CDPSession, file: string): Promise<void> {
  const out = createWriteStream(file)
  const onChunk = (e: { chunk: string }): void => { out.write(e.chunk) }
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk)
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk)
  await new Promise(resolve => out.end(resolve))
}

it('breaks down the memory op\'s heap', async () => {
  const size = Number(process.env.FG_PROFILE_SIZE ?? 100_000)
  const dir = process.env.FG_PROFILE_DIR ?? '/tmp'
  const b = await startBrowserBench()
  try {
    const db = `fg-open-${size}`
    await b.call(await b.page(), 'seed', db, size)
    const page = await b.page()
    const cdp = await page.context().newCDPSession(page)
    const heap = async (): Promise<{ used: number, backing: number }> => {
      await cdp.send('HeapProfiler.collectGarbage')
      const u = await cdp.send('Runtime.getHeapUsage') as { usedSize: number, backingStorageSize?: number }
      return { used: u.usedSize, backing: u.backingStorageSize ?? Number.NaN }
    }
    await cdp.send('HeapProfiler.enable')
    const before = await heap()
    await cdp.send('HeapProfiler.startSampling', { samplingInterval: 2048 })
    const phases: [string, { used: number, backing: number }][] = []
    await b.call(page, 'coldOpen', db)
    phases.push(['open', await heap()])
    await page.evaluate(() => new Promise(resolve => setTimeout(resolve, 4000)))
    phases.push(['idle 4 s', await heap()])
    await b.call(page, 'search')
    phases.push(['search', await heap()])
    await b.call(page, 'dashboard')
    phases.push(['dashboard', await heap()])
    await heap()
    const { profile } = await cdp.send('HeapProfiler.getSamplingProfile') as unknown as { profile: { head: HeapNode } }
    await cdp.send('HeapProfiler.stopSampling')
    // before heldJsonBytes, which makes the events' objects to measure their JSON
    const file = `${dir}/memory-${size}.heapsnapshot`
    if (process.env.FG_HEAP_SNAPSHOT) await snapshot(cdp, file)
    const json = await b.call(page, 'heldJsonBytes')
    const mb = (x: number): string => (x / 2 ** 20).toFixed(1)
    let prev = before
    const rows = phases.map(([label, h]) => {
      const line = `${label.padEnd(10)} heap +${mb(h.used - before.used)} MB (step +${mb(h.used - prev.used)}), ${((h.used - before.used) / json.recordBytes).toFixed(3)}x records' JSON; array buffers +${mb(h.backing - before.backing)} MB`
      prev = h
      return line
    })
    console.log(`memory ${size}: records' JSON ${mb(json.recordBytes)} MB, events' JSON ${mb(json.eventBytes)} MB\n${rows.join('\n')}\n${summarise(profile.head)}`)
    if (process.env.FG_HEAP_SNAPSHOT) console.log(report(readSnapshot(file), Number(process.env.FG_HEAP_MIN_SHARE ?? 0.01)))
  }
  finally {
    await b.close()
  }
}, 1_800_000)
