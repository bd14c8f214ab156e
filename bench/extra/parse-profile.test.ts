/**
 * Logs-only: the import worker's parse of the bench's bulk-import CSV (import-handler's parse:
 * fingerprint, sniff, decode, CSV parse, field proposals, date format), in Node, then a profile.
 * `FG_PARSE_SIZE=100000 npx vitest run --config bench/vitest.bench.config.ts --project bench-extra bench/extra/parse-profile.test.ts`
 */
import { loadavg } from 'node:os'
import { it } from 'vitest'
import { importCsv } from '../browser/import-csv'
import { handleImportRequest } from '@/workers/import-handler'
import type { ImportResponse } from '@/workers/import-protocol'
import { profiled } from './node-profile'

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

it('times the worker\'s parse of the bench CSV', async () => {
  const size = Number(process.env.FG_PARSE_SIZE ?? 100_000)
  const bytes = await importCsv(size)
  const parse = async () => {
    let out: ImportResponse | undefined
    await handleImportRequest({ type: 'parse', id: 1, bytes, options: { fileName: 'bench.csv', head: 2000 } }, (m) => {
      if (m.type !== 'progress') out = m
    })
    if (out?.type !== 'parsed') throw new Error(`not parsed: ${JSON.stringify(out)}`)
  }
  await parse()
  const times: number[] = []
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now()
    await parse()
    times.push(performance.now() - t0)
  }
  console.log(`parse ${size} (${(bytes.length / 1e6).toFixed(1)} MB): median ${median(times).toFixed(0)} ms of ${times.map(t => t.toFixed(0)).join(' ')}; load ${loadavg().map(l => l.toFixed(1)).join(' ')}`)
  console.log((await profiled(parse, 30)).summary)
}, 600_000)
