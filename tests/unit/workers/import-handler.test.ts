import type { ImportResponse } from '../../../src/workers/import-protocol'
import { describe, expect, it } from 'vitest'
import { createImportClient, FileRefused } from '../../../src/workers/import-client'
import { handleImportRequest } from '../../../src/workers/import-handler'
import { gbkEncode } from '../../fixtures/io'

/** The worker's answer to one parse request. */
async function parse(name: string, bytes: Uint8Array, encoding?: 'utf-8'): Promise<ImportResponse> {
  const replies: ImportResponse[] = []
  await handleImportRequest({ type: 'parse', id: 1, bytes, options: { fileName: name, encoding } }, r => replies.push(r))
  return replies.at(-1)!
}

const text = (s: string) => new TextEncoder().encode(s)

describe('import worker: files from strangers', () => {
  it('should refuse a zip named .csv and NUL bytes, with the kind as a refusal', async () => {
    expect(await parse('book.csv', new Uint8Array([0x50, 0x4B, 0x03, 0x04, 0, 0]))).toMatchObject({ type: 'error', refusal: { kind: 'binary', what: 'zip' } })
    expect(await parse('a.csv', text('a,b\n1,\u00002'))).toMatchObject({ type: 'error', refusal: { kind: 'binary', what: 'binary' } })
  })

  it('should refuse 2,001 columns and read 2,000', async () => {
    const wide = (n: number) => text(`${Array.from({ length: n }, (_, i) => `c${i}`).join(',')}\n${Array.from({ length: n }, () => '1').join(',')}\n`)
    expect(await parse('w.csv', wide(2001))).toMatchObject({ type: 'error', refusal: { kind: 'tooWide', columns: 2001, max: 2000 } })
    const ok = await parse('w.csv', wide(2000))
    expect(ok.type === 'parsed' && ok.result.headers.length).toBe(2000)
  })

  it('should pass the encoding doubt, wide rows and a fingerprint with the parsed file', async () => {
    const bytes = new Uint8Array([...text('名称,备注\n甲,1,多\n'), ...gbkEncode('乙,2\n')])
    const res = await parse('m.csv', bytes)
    expect(res.type).toBe('parsed')
    if (res.type !== 'parsed') return
    expect(res.result.encodingDoubt?.line).toBe(3)
    expect(res.result.wideRows).toEqual([{ line: 2, extra: 1 }])
    expect(res.result.fingerprint).toMatch(/^\w+-\w+$/)
    const chosen = await parse('m.csv', bytes, 'utf-8')
    expect(chosen.type === 'parsed' && chosen.result.encodingDoubt).toBeUndefined()
  })

  it('should complete a proposed select with the choices past the sample, unless asked for the sample alone', async () => {
    const csv = text(`阶段,金额\n${['初步接触', '方案报价', '初步接触', '方案报价', '赢单'].map((s, i) => `${s},${i}`).join('\n')}\n`)
    const choices = async (proposals?: 'sample') => {
      const replies: ImportResponse[] = []
      await handleImportRequest({ type: 'parse', id: 1, bytes: csv, options: { fileName: 's.csv', sampleSize: 4, ...(proposals ? { proposals } : {}) } }, r => replies.push(r))
      const res = replies.at(-1)!
      const field = res.type === 'parsed' ? res.result.proposedFields[0] : undefined
      return field?.type === 'select' ? field.options.choices.map(c => c.label) : field?.type
    }
    expect(await choices()).toEqual(['初步接触', '方案报价', '赢单'])
    expect(await choices('sample')).toEqual(['初步接触', '方案报价'])
  })

  it('should reject the client promise with FileRefused', async () => {
    const listeners: ((e: MessageEvent<ImportResponse>) => void)[] = []
    const client = createImportClient(() => ({
      postMessage: msg => void handleImportRequest(msg, r => listeners.forEach(l => l({ data: r } as MessageEvent<ImportResponse>))),
      addEventListener: (_t, l) => { listeners.push(l) },
      terminate: () => {},
    }))
    const err = await client.parse(new Uint8Array([0x89, 0x50, 0x4E, 0x47, 1, 2]), { fileName: 'x.csv' }).promise.catch(e => e)
    expect(err).toBeInstanceOf(FileRefused)
    expect((err as FileRefused).refusal).toEqual({ kind: 'binary', what: 'png' })
  })
})
