import { describe, expect, it } from 'vitest'
import { parseCsv, parseCsvChunked } from '../../../../src/core/io/csv-parse'
import { decodeText, scoreUtf8 } from '../../../../src/core/io/decode'
import { importBatches, importBatchSize, remainingPlan } from '../../../../src/core/io/import-batches'
import { fileFingerprint, resumeLine, storedOfImport } from '../../../../src/core/io/import-journal'
import { checkWidth, MAX_IMPORT_COLUMNS, sniffBinary } from '../../../../src/core/io/sniff'
import { WIDE_ROWS_LISTED } from '../../../../src/core/io/table'
import { gbkEncode, latin1Encode } from '../../../fixtures/io'

const utf8 = (text: string) => new TextEncoder().encode(text)
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

describe('file honesty', () => {
  describe('mixed and undecodable encodings', () => {
    it('should doubt a UTF-8 file with a GBK line and show that line decoded each way', () => {
      const bytes = concat(utf8('客户名称,金额\n华为技术,8800\n小米科技,1200\n'), gbkEncode('永辉超市,350\n'), utf8('京东,99\n'))
      const res = decodeText(bytes)
      expect(res.encoding).toBe('utf-8')
      expect(res.doubt).toMatchObject({ line: 4, badLines: 1 })
      const samples = Object.fromEntries(res.doubt!.samples.map(s => [s.encoding, s.text]))
      expect(samples['gb18030']).toBe('永辉超市,350')
      expect(samples['utf-8']).toContain('\uFFFD')
      expect(samples['windows-1252']).not.toBe(samples['gb18030'])
    })

    it('should doubt a UTF-8 file with Windows-1252 bytes in it', () => {
      const bytes = concat(utf8('name,city\n张伟,北京\n'), latin1Encode('Müller,Zürich\n'))
      const res = decodeText(bytes)
      expect(res.doubt?.line).toBe(3)
      expect(res.doubt?.samples.find(s => s.encoding === 'windows-1252')?.text).toBe('Müller,Zürich')
    })

    it('should doubt a GBK file carrying UTF-8 characters, guessing GBK and showing the UTF-8 line', () => {
      const bytes = concat(gbkEncode('客户名称,金额\n上海启明软件,35000\n深圳万达物流,128000\n杭州云栖数据,9800\n'), utf8('北京,1\n'))
      const res = decodeText(bytes)
      expect(res.encoding).toBe('gb18030')
      expect(res.doubt?.line).toBe(5)
      expect(res.doubt?.samples.find(s => s.encoding === 'utf-8')?.text).toBe('北京,1')
    })

    it('should not doubt clean UTF-8, clean GBK or clean Latin-1', () => {
      expect(decodeText(utf8('名称,金额\n甲,1')).doubt).toBeUndefined()
      expect(decodeText(gbkEncode('客户名称,金额,阶段\n上海启明软件,35000,需求分析\n深圳万达物流,128000,谈判\n')).doubt).toBeUndefined()
      expect(decodeText(latin1Encode('Name,City\nMüller,Zürich\nRené,Besançon café\n')).doubt).toBeUndefined()
    })

    it('should never doubt an encoding the user chose', () => {
      const bytes = concat(utf8('名称\n甲\n'), gbkEncode('乙\n'))
      expect(decodeText(bytes, 'gb18030').doubt).toBeUndefined()
      expect(decodeText(bytes, 'utf-8').text).toContain('\uFFFD')
    })

    it('should score UTF-8 like TextDecoder: overlong forms and surrogates are invalid', () => {
      expect(scoreUtf8(utf8('aé中😀'))).toEqual({ multiByte: 3, invalid: 0, firstInvalid: -1, badLines: 0 })
      expect(scoreUtf8(new Uint8Array([0xC0, 0xAF]))).toMatchObject({ multiByte: 0, invalid: 2, firstInvalid: 0, badLines: 1 })
      expect(scoreUtf8(new Uint8Array([0x61, 0xED, 0xA0, 0x80]))).toMatchObject({ multiByte: 0, firstInvalid: 1 })
      expect(scoreUtf8(new Uint8Array([0xE4, 0xB8]))).toMatchObject({ multiByte: 0, invalid: 2 })
    })
  })

  describe('binary files', () => {
    it('should refuse zip (an .xlsx named .csv), PDF, images, gzip and old Excel by signature', () => {
      const cases: [number[], string][] = [
        [[0x50, 0x4B, 0x03, 0x04, 0x14], 'zip'],
        [[0x25, 0x50, 0x44, 0x46, 0x2D], 'pdf'],
        [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 'png'],
        [[0xFF, 0xD8, 0xFF, 0xE0], 'jpeg'],
        [[0x47, 0x49, 0x46, 0x38, 0x39, 0x61], 'gif'],
        [[0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50], 'webp'],
        [[0x1F, 0x8B, 0x08], 'gzip'],
        [[0xD0, 0xCF, 0x11, 0xE0, 0xA1], 'ole'],
      ]
      for (const [bytes, what] of cases) expect(sniffBinary(new Uint8Array(bytes))).toEqual({ kind: 'binary', what })
    })

    it('should refuse NUL bytes and control-character noise, but not text or UTF-16 with a BOM', () => {
      expect(sniffBinary(utf8('a,b\n1,\u00002\n'))).toEqual({ kind: 'binary', what: 'binary' })
      const noise = new Uint8Array(2000).map((_, i) => (i % 7 === 0 ? 0x01 : 0x41))
      expect(sniffBinary(noise)).toEqual({ kind: 'binary', what: 'binary' })
      expect(sniffBinary(utf8('a\tb\r\n1\t2\f\n'))).toBeUndefined()
      expect(sniffBinary(new Uint8Array([0xFF, 0xFE, 0x61, 0x00, 0x2C, 0x00]))).toBeUndefined()
      expect(sniffBinary(new Uint8Array(0))).toBeUndefined()
    })
  })

  describe('column limit', () => {
    it('should take 2,000 columns and refuse 10,000 naming both counts', () => {
      expect(checkWidth(MAX_IMPORT_COLUMNS)).toBeUndefined()
      expect(checkWidth(10_000)).toEqual({ kind: 'tooWide', columns: 10_000, max: 2000 })
    })
  })

  describe('rows wider than the header', () => {
    it('should report which rows had extra cells and how many, ignoring trailing blanks', () => {
      const t = parseCsv('a,b\n1,2\n1,2,3\n1,2,,\n1,2,,x\n')
      expect(t.rows).toEqual([['1', '2'], ['1', '2'], ['1', '2'], ['1', '2']])
      expect(t.wideRows).toEqual([{ line: 3, extra: 1 }, { line: 5, extra: 2 }])
      expect(t.wideRowCount).toBe(2)
    })

    it('should count every wide row but list the first ones only, chunked parse alike', async () => {
      const text = `a\n${Array.from({ length: 150 }, (_, i) => `${i},x`).join('\n')}`
      const t = await parseCsvChunked(text, { chunkSize: 100 })
      expect(t.wideRowCount).toBe(150)
      expect(t.wideRows).toHaveLength(WIDE_ROWS_LISTED)
      expect(t.wideRows[0]).toEqual({ line: 2, extra: 1 })
    })
  })
})

describe('resuming an interrupted import', () => {
  const plan = {
    formId: 'f',
    inserts: [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }],
    insertLines: [2, 3, 5, 6],
    updates: [],
    rejected: [],
    rejectedRows: 1,
    totalRows: 5,
  }

  it('should name new records by import and file line, and count them back from the store', () => {
    const batches = importBatches(plan, 2, 'imp')
    expect(batches.map(b => b.insertIds)).toEqual([['imp.2', 'imp.3'], ['imp.5', 'imp.6']])
    const stored = storedOfImport(['imp.2', 'other', 'imp.3', 'imp2.9', 'imp.x'], 'imp')
    expect(stored).toMatchObject({ count: 2, lastLine: 3 })
    expect(resumeLine(stored)).toBe(4)
    expect(resumeLine(storedOfImport([], 'imp'))).toBe(2)
  })

  it('should leave only the rows not yet stored, whatever the batch size was', () => {
    const rest = remainingPlan(plan, 'imp', new Set(['imp.2', 'imp.3']))
    expect(rest.inserts).toEqual([{ n: 3 }, { n: 4 }])
    expect(importBatches(rest, 1000, 'imp')[0]?.insertIds).toEqual(['imp.5', 'imp.6'])
  })

  it('should keep batches small for wide records', () => {
    expect(importBatchSize(plan)).toBe(1000)
    const wide = { ...plan, inserts: [Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`f${i}`, i]))] }
    expect(importBatchSize(wide)).toBe(50)
  })

  it('should fingerprint bytes by length and content', () => {
    expect(fileFingerprint(utf8('a,b\n1,2'))).toBe(fileFingerprint(utf8('a,b\n1,2')))
    expect(fileFingerprint(utf8('a,b\n1,2'))).not.toBe(fileFingerprint(utf8('a,b\n1,3')))
  })
})
