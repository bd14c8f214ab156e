import { describe, expect, it } from 'vitest'
import { detectDelimiter, parseCsv, parseCsvChunked } from '../../../../src/core/io/csv-parse'

describe('csv-parse', () => {
  describe('parseCsv', () => {
    it('should read quoted cells with commas, doubled quotes and newlines', () => {
      const t = parseCsv('name,note\r\n"Acme, Inc.","He said ""hi""\nand left"\r\nB,plain\r\n')
      expect(t.headers).toEqual(['name', 'note'])
      expect(t.rows).toEqual([['Acme, Inc.', 'He said "hi"\nand left'], ['B', 'plain']])
    })

    it('should ignore a BOM and blank lines', () => {
      const t = parseCsv('\uFEFF客户,金额\n\n甲,1\n  \n乙,2\n')
      expect(t.headers).toEqual(['客户', '金额'])
      expect(t.rows).toEqual([['甲', '1'], ['乙', '2']])
    })

    it('should detect tab-separated text pasted from a spreadsheet', () => {
      const t = parseCsv('a\tb\n1,5\t2')
      expect(t.delimiter).toBe('\t')
      expect(t.rows).toEqual([['1,5', '2']])
    })

    it('should detect semicolon-separated files', () => {
      expect(parseCsv('a;b\n1;2\n3;4').rows).toEqual([['1', '2'], ['3', '4']])
    })

    it('should pad short rows and cut long ones to the header width', () => {
      expect(parseCsv('a,b,c\n1\n1,2,3,4').rows).toEqual([['1', '', ''], ['1', '2', '3']])
    })

    it('should read a single column file', () => {
      expect(parseCsv('name\nx\ny')).toMatchObject({ headers: ['name'], rows: [['x'], ['y']] })
    })
  })

  describe('detectDelimiter', () => {
    it('should prefer the delimiter that is consistent across lines', () => {
      expect(detectDelimiter('a|b|c\n1|2|3')).toBe('|')
    })
  })

  describe('parseCsvChunked', () => {
    const text = `id,note\n${Array.from({ length: 500 }, (_, i) => `${i},"line ${i}\nsecond, part"`).join('\n')}\n`

    it('should give the same table as parseCsv and report progress up to 1', async () => {
      const progress: number[] = []
      const t = await parseCsvChunked(text, { chunkSize: 1000, onProgress: p => progress.push(p) })
      expect(t.rows).toEqual(parseCsv(text).rows)
      expect(t.rows).toHaveLength(500)
      expect(progress.length).toBeGreaterThan(5)
      expect(progress.at(-1)).toBe(1)
      expect([...progress].sort((a, b) => a - b)).toEqual(progress)
    })

    it('should stop and reject when cancelled', async () => {
      const ctrl = new AbortController()
      let chunks = 0
      const run = parseCsvChunked(text, { chunkSize: 500, signal: ctrl.signal, onProgress: () => {
        chunks++
        if (chunks === 2) ctrl.abort(new Error('cancelled'))
      } })
      await expect(run).rejects.toThrow('cancelled')
      expect(chunks).toBe(2)
    })
  })
})
