/**
 * Logs-only: the first quick search + sort over a fresh records array in Node, as the
 * sort-filter-cold op runs it in the bench page ("系统", by amount desc): time per phase (open,
 * fill of the cached columns, search, sort, pick) over the generated records and over a
 * structuredClone of them (laid out as a load from storage gives them), then a CPU profile
 * (node:inspector) of whole runQuery calls, each followed by the repeat query. FG_PROFILE_SIZE
 * (default 100000); the profile is written to FG_PROFILE_DIR (default /tmp)/query-cold.cpuprofile.
 * `npx vitest run --config bench/vitest.bench.config.ts --project bench-extra bench/extra/query-cold-profile.test.ts`
 */
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { it } from 'vitest'
import { runQuery } from '../../src/core/query'
import { openRows } from '../../src/core/query/rows-cache'
import { searchPlan, searchRows, searchSpecs } from '../../src/core/query/search-rows'
import { pickByIndex, sortPositions, sortSpecs } from '../../src/core/query/sort'
import { createDemoMembers } from '../../src/core/template'
import { AMOUNT_FIELD, dataset } from '../lib/data'

it('profiles the cold sort-filter query', async () => {
  const ds = dataset(Number(process.env.FG_PROFILE_SIZE ?? 100_000))
  const names = new Map(createDemoMembers('zh-CN').map(m => [m.id, m.name]))
  const fields = ds.form.fields
  const sort = [{ field: AMOUNT_FIELD, dir: 'desc' as const }]
  const words = ['系统']
  const ms = (a: number, b: number): string => (b - a).toFixed(1)
  for (let round = 0; round < 8; round++) {
    const records = round % 2 ? structuredClone(ds.records) : ds.records.slice()
    const t0 = performance.now()
    const view = openRows(records)
    const plan = searchPlan(fields, names)
    const t1 = performance.now()
    view.columns([...searchSpecs(plan, words), ...sortSpecs(sort, fields)])
    const t2 = performance.now()
    const positions = searchRows(records, view, plan, words)
    const t3 = performance.now()
    const order = sortPositions(records, view, positions, sort, fields, { members: names })
    const t4 = performance.now()
    pickByIndex(records, order)
    const t5 = performance.now()
    console.log(`${round % 2 ? 'clone' : 'gen  '} open+plan ${ms(t0, t1)} fill ${ms(t1, t2)} search ${ms(t2, t3)} sort ${ms(t3, t4)} pick ${ms(t4, t5)} total ${ms(t0, t5)}`)
  }
  const spec = { search: words.join(' '), sort }
  const cold = (): void => {
    const records = ds.records.slice()
    const t0 = performance.now()
    const n = runQuery(records, spec, fields, { now: ds.now }, names).matched
    const t1 = performance.now()
    runQuery(records, spec, fields, { now: ds.now }, names)
    console.log(`runQuery cold ${ms(t0, t1)} ms, repeat ${ms(t1, performance.now())} ms, matched ${n}`)
  }
  for (let i = 0; i < 3; i++) cold()
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 100 })
  await session.post('Profiler.start')
  for (let i = 0; i < 5; i++) cold()
  const { profile } = await session.post('Profiler.stop')
  writeFileSync(`${process.env.FG_PROFILE_DIR ?? '/tmp'}/query-cold.cpuprofile`, JSON.stringify(profile))
  session.disconnect()
}, 600_000)
