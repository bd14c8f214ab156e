/**
 * Logs-only: a Node CPU profile (node:inspector) of the bench's cold metrics op and of the
 * cold template dashboard, summarised by self time per function (and total time per function
 * for the dashboard's widgets). Profiles are written to /tmp/fg-profile/*.cpuprofile.
 *   FG_BENCH_N=100000 npx vitest run --config bench/vitest.bench.config.ts --project bench-extra bench/extra/metrics-profile.test.ts
 * FG_PROFILE_OPS=metrics,cached,dashboard (default metrics,dashboard; cached: over the dashboard's cached summary).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector'
import { expect, it } from 'vitest'
import { computeWidget } from '../../src/core/dashboard'
import type { DashboardContext } from '../../src/core/dashboard'
import type { FormDef } from '../../src/core/schema/types'
import { createDemoMembers, getTemplate } from '../../src/core/template'
import { dataset, OPP_FORM } from '../lib/data'
import { ourMetrics } from '../ops/metrics'

const N = Number(process.env.FG_BENCH_N ?? 100_000)
const OPS = new Set((process.env.FG_PROFILE_OPS ?? 'metrics,dashboard').split(','))
const ROUNDS = Number(process.env.FG_PROFILE_ROUNDS ?? 10)

interface Node { id: number, callFrame: { functionName: string, url: string, lineNumber: number }, children?: number[] }
interface Profile { nodes: Node[], samples: number[], timeDeltas: number[] }

function post<T>(s: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => s.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))))
}

async function profiled(name: string, run: () => void): Promise<void> {
  const s = new Session()
  s.connect()
  await post(s, 'Profiler.enable')
  await post(s, 'Profiler.setSamplingInterval', { interval: 100 })
  await post(s, 'Profiler.start')
  const t0 = performance.now()
  for (let r = 0; r < ROUNDS; r++) run()
  const ms = (performance.now() - t0) / ROUNDS
  const { profile } = await post<{ profile: Profile }>(s, 'Profiler.stop')
  s.disconnect()
  mkdirSync('/tmp/fg-profile', { recursive: true })
  writeFileSync(`/tmp/fg-profile/${name}-${N}.cpuprofile`, JSON.stringify(profile))
  const byId = new Map(profile.nodes.map(n => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const key = (n: Node): string => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  let all = 0
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000 / ROUNDS
    all += dt
    const n = byId.get(id)!
    self.set(key(n), (self.get(key(n)) ?? 0) + dt)
    const seen = new Set<string>()
    for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) {
      const k = key(byId.get(p)!)
      if (seen.has(k)) continue
      seen.add(k)
      total.set(k, (total.get(k) ?? 0) + dt)
    }
  })
  const top = (m: Map<string, number>, k: number): string => [...m].sort((a, b) => b[1] - a[1]).slice(0, k)
    .map(([f, t]) => `${t.toFixed(2).padStart(8)} ms  ${f}`).join('\n')
  console.log(`${name} ${N}: ${ms.toFixed(1)} ms per round (profiled); ${all.toFixed(1)} ms sampled per round\n-- self --\n${top(self, 30)}\n-- total --\n${top(total, 45)}`)
}

it('profiles the cold metrics op and the cold dashboard', async () => {
  const ds = dataset(N)
  if (OPS.has('metrics')) {
    for (let i = 0; i < 3; i++) ourMetrics(ds, 'after-write')
    await profiled('metrics', () => void ourMetrics(ds, 'after-write'))
  }
  if (OPS.has('cached')) {
    for (let i = 0; i < 3; i++) ourMetrics(ds, 'cached')
    await profiled('metrics-cached', () => void ourMetrics(ds, 'cached'))
  }
  if (OPS.has('dashboard')) {
    const bundle = getTemplate('sales-funnel')!.bundle
    const dashboard = bundle.dashboards[0]!
    const forms: FormDef[] = bundle.forms.map(f => (f.id === OPP_FORM ? ds.form : f))
    const ctx: DashboardContext = { forms, records: { [OPP_FORM]: ds.records }, events: { [OPP_FORM]: ds.columns }, members: createDemoMembers('zh-CN'), filters: dashboard.filters ?? [], filterValues: {}, now: ds.now, locale: 'zh-CN' }
    const cold = (): void => {
      const fresh: DashboardContext = { ...ctx, records: { [OPP_FORM]: [...ds.records] }, events: { [OPP_FORM]: { ...ds.columns } } }
      for (const w of dashboard.widgets) computeWidget(w, fresh)
    }
    for (let i = 0; i < 3; i++) cold()
    await profiled('dashboard', cold)
  }
  expect(OPS.size).toBeGreaterThan(0)
}, 3_600_000)
