import type { StageSummary } from './summary'

/** Per open stage (ordinal): a summary's completed and open visits. */
export interface StageVisitCounts {
  readonly done: Uint32Array
  readonly open: Uint32Array
}

const counts = new WeakMap<StageSummary, StageVisitCounts>()

/** Keeps the counts the summary's build made in its pass over the visits (summary.ts). */
export function keepVisitCounts(s: StageSummary, c: StageVisitCounts): void {
  counts.set(s, c)
}

/** The summary's {@link StageVisitCounts}: kept by its build, else counted once here. */
export function stageVisitCounts(s: StageSummary): StageVisitCounts {
  let c = counts.get(s)
  if (c !== undefined) return c
  const n = s.model.openCount
  const ordinal = s.model.ordinal
  const { visitStage, visitExit } = s
  const done = new Uint32Array(n)
  const open = new Uint32Array(n)
  for (let v = 0; v < visitStage.length; v++) {
    const o = ordinal[visitStage[v] as number] as number
    if (o < 0) continue
    if (Number.isNaN(visitExit[v])) open[o]!++
    else done[o]!++
  }
  counts.set(s, c = { done, open })
  return c
}
