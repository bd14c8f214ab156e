/** A CPU profile of one run in this Node process, summarised by self time per function (the logs-only harnesses). */
import { Session } from 'node:inspector/promises'

interface Node { id: number, callFrame: { functionName: string, url: string, lineNumber: number } }
/** A V8 CPU profile as the inspector gives it. */
export interface Profile { nodes: Node[], samples: number[], timeDeltas: number[] }

/** Profiles `run`; returns the profile and its `top` functions by self time, one per line (ms). */
export async function profiled(run: () => unknown, top = 30): Promise<{ profile: Profile, summary: string }> {
  const ses = new Session()
  ses.connect()
  await ses.post('Profiler.enable')
  await ses.post('Profiler.start')
  await run()
  const { profile } = await ses.post('Profiler.stop') as unknown as { profile: Profile }
  ses.disconnect()
  const byId = new Map(profile.nodes.map(n => [n.id, n]))
  const self = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame
    const k = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`
    self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  const summary = [...self].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${v.toFixed(0).padStart(6)} ${k}`).join('\n')
  return { profile, summary }
}
