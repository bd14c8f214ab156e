/**
 * Logs-only: how long `planImport` (coerce every cell + validate every row) takes over the
 * bench's bulk-import CSV (importCsv, bench/browser/import-csv.ts: exportRows of the bench
 * dataset with zh-CN labels and member names), timed over several rounds in Node, then a CPU
 * profile of more rounds summarised by self time per function. The profile is written to
 * /tmp/fg-profile/plan-<size>.cpuprofile.
 *   FG_PLAN_SIZES=10000,100000 FG_PLAN_ROUNDS=7 npx vitest run --config bench/vitest.bench.config.ts --project bench-extra bench/extra/plan-profile.test.ts
 * FG_PLAN_PROFILE=0 skips the profile.
 */
import type { FormDef } from '@/core/schema/types'
import { mkdirSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { loadavg } from 'node:os'
import { expect, it } from 'vitest'
import { importCsv } from '../browser/import-csv'
import { autoMapColumns, decodeText, parseCsv, planImport } from '@/core/io'
import { validatorFor } from '@/core/records/validator-cache'
import { MEMBERS, pageData } from '../browser/page-data'

const SIZES = (process.env.FG_PLAN_SIZES ?? '100000').split(',').map(Number)
const ROUNDS = Number(process.env.FG_PLAN_ROUNDS ?? 7)
const PROFILE = process.env.FG_PLAN_PROFILE !== '0'

interface Node { id: number, callFrame: { functionName: string, url: string, lineNumber: number } }
interface Profile { nodes: Node[], samples: number[], timeDeltas: number[] }

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? Number.NaN
}

it('times and profiles planImport', async () => {
  for (const size of SIZES) {
    const ds = pageData(size)
    const form: FormDef = ds.form
    const bytes = await importCsv(size)
    const table = parseCsv(decodeText(bytes).text)
    const validate = validatorFor(form)
    const mapping = autoMapColumns(table.headers, form.fields)
    const run = () => planImport({ headers: table.headers, rows: table.rows, mapping, form, existing: [], validate, members: MEMBERS })
    const first = run()
    expect(first.inserts.length + first.rejectedRows).toBe(size)
    const times: number[] = []
    const cpu: number[] = []
    for (let r = 0; r < ROUNDS; r++) {
      const t0 = performance.now()
      const c0 = process.cpuUsage()
      run()
      const c = process.cpuUsage(c0)
      cpu.push((c.user + c.system) / 1000)
      times.push(performance.now() - t0)
    }
    // CPU time (this process's threads, GC included) is less at the mercy of the other agents' load than wall time.
    console.log(`planImport ${size}: median ${median(times).toFixed(0)} ms over ${ROUNDS} (${times.map(t => t.toFixed(0)).join(' ')}), cpu median ${median(cpu).toFixed(0)} ms; inserts ${first.inserts.length}, rejected rows ${first.rejectedRows}; load ${loadavg().map(l => l.toFixed(2)).join(' ')}`)
    if (!PROFILE) continue
    const ses = new Session()
    ses.connect()
    await ses.post('Profiler.enable')
    await ses.post('Profiler.setSamplingInterval', { interval: 200 })
    await ses.post('Profiler.start')
    for (let r = 0; r < 3; r++) run()
    const { profile } = await ses.post('Profiler.stop') as unknown as { profile: Profile }
    ses.disconnect()
    mkdirSync('/tmp/fg-profile', { recursive: true })
    writeFileSync(`/tmp/fg-profile/plan-${size}.cpuprofile`, JSON.stringify(profile))
    const byId = new Map(profile.nodes.map(n => [n.id, n]))
    const self = new Map<string, number>()
    let total = 0
    profile.samples.forEach((id, i) => {
      const f = byId.get(id)?.callFrame
      const dt = (profile.timeDeltas[i] ?? 0) / 1000
      total += dt
      const key = f ? `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}` : '?'
      self.set(key, (self.get(key) ?? 0) + dt)
    })
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 35)
    console.log(`-- self time, 3 rounds at ${size} (${total.toFixed(0)} ms) --\n${top.map(([k, v]) => `${v.toFixed(0).padStart(6)} ms ${(100 * v / total).toFixed(1).padStart(5)} %  ${k}`).join('\n')}`)
  }
}, 600_000)
