import { describe, expect, it } from 'vitest'
import type { Filter } from '../../src/core/schema/filter'
import type { RecordRow } from '../../src/core/schema/types'
import { compileFilter, compileSearch, groupRecords, runQuery, sortIndex } from '../../src/core/query'
import { field, NOW, stageField } from '../../tests/fixtures/query'

// A measurement that only logs (moved here from the unit suite): run with
//   npm run bench -- --extra          (both extra measurements), or
//   QUERY_PERF_N=200000 NODE_OPTIONS='--expose-gc --max-old-space-size=4096' npx vitest run --config bench/vitest.bench.config.ts bench/extra/query-perf.test.ts
const N = Number(process.env.QUERY_PERF_N ?? 1_000_000)

const fields = [
  field('text', 'name'), field('money', 'amount'), field('date', 'close'), stageField(), field('member', 'owner'), field('text', 'city'),
]
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏'
const WORDS = ['科技', '贸易', '实业', '网络', '信息', '医疗', '教育', '物流', 'Tech', 'Global']
const CITIES = ['上海', '北京', '深圳', '广州', '杭州', '成都', '武汉', '南京']
const STAGES = ['s1', 's2', 's3', 'won', 'lost']

function synthetic(n: number): RecordRow[] {
  let seed = 42
  const rnd = (): number => { seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648; return seed / 2_147_483_648 }
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const out = new Array<RecordRow>(n)
  for (let i = 0; i < n; i++) {
    const day = 1 + Math.floor(rnd() * 28)
    out[i] = {
      id: `r${i}`,
      values: {
        name: `${pick([...SURNAMES])}${pick(WORDS)}${i}`,
        amount: rnd() < 0.05 ? null : Math.round(rnd() * 1e7) / 100,
        close: rnd() < 0.1 ? '' : `2024-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        stage: pick(STAGES),
        owner: `m${Math.floor(rnd() * 50)}`,
        city: pick(CITIES),
      },
      createdAt: NOW - Math.floor(rnd() * 400 * 86_400_000),
      updatedAt: NOW,
      rev: 1,
    }
  }
  return out
}

/** Collects garbage first (with --expose-gc) so building the fixture is not billed to the step. */
function time(label: string, run: () => unknown): void {
  (globalThis as { gc?: () => void }).gc?.()
  const t0 = performance.now()
  const result = run()
  const size = result instanceof Int32Array || Array.isArray(result) ? ` -> ${result.length}` : ''
  console.log(`${label.padEnd(44)} ${(performance.now() - t0).toFixed(0).padStart(6)} ms${size}`)
}

describe('query performance (a measurement that only logs)', () => {
  it(`should log filter / search / sort / group times over ${N} records`, () => {
    const rows = synthetic(N)
    const env = { now: NOW }
    const amountAndStage: Filter = { and: [{ field: 'amount', op: 'gte', value: 50_000 }, { field: 'stage', op: 'in', value: ['s2', 's3'] }] }
    time('filter amount >= 50000 and stage in [s2,s3]', () => rows.filter(compileFilter(amountAndStage, fields, env)))
    time('filter close thisQuarter (date strings)', () => rows.filter(compileFilter({ and: [{ field: 'close', op: 'thisQuarter' }] }, fields, env)))
    time('filter _createdAt lastNDays 30 (epoch ms)', () => rows.filter(compileFilter({ and: [{ field: '_createdAt', op: 'lastNDays', value: 30 }] }, fields, env)))
    time('filter name contains "科技1"', () => rows.filter(compileFilter({ and: [{ field: 'name', op: 'contains', value: '科技1' }] }, fields, env)))
    time('quick search "tech 99"', () => rows.filter(compileSearch('tech 99', fields)))
    time('sort amount desc (number)', () => sortIndex(rows, [{ field: 'amount', dir: 'desc' }], fields))
    time('sort close asc (date)', () => sortIndex(rows, [{ field: 'close', dir: 'asc' }], fields))
    time('sort stage asc (option order)', () => sortIndex(rows, [{ field: 'stage', dir: 'asc' }], fields))
    time('sort city asc (text, 8 distinct)', () => sortIndex(rows, [{ field: 'city', dir: 'asc' }], fields))
    time('sort name asc (text, all distinct, zh-CN)', () => sortIndex(rows, [{ field: 'name', dir: 'asc' }], fields))
    time('sort stage asc, amount desc (2 keys)', () => sortIndex(rows, [{ field: 'stage', dir: 'asc' }, { field: 'amount', dir: 'desc' }], fields))
    time('baseline: Array#sort, amount comparator', () => [...rows].sort((a, b) => (a.values.amount as number) - (b.values.amount as number)))
    const collator = new Intl.Collator('zh-CN', { sensitivity: 'base' })
    time('baseline: Array#sort, name collator.compare', () => [...rows].sort((a, b) => collator.compare(a.values.name as string, b.values.name as string)))
    time('group by stage with sum + avg amount', () => groupRecords(rows, 'stage', fields, [{ fn: 'sum', field: 'amount' }, { fn: 'avg', field: 'amount' }]))
    time('group close by month', () => groupRecords(rows, { field: 'close', unit: 'month' }, fields))
    time('runQuery filter + search + sort', () => runQuery(rows, { filter: amountAndStage, search: '科技', sort: [{ field: 'amount', dir: 'desc' }] }, fields, env).records)
    expect(rows).toHaveLength(N)
  }, 600_000)
})
