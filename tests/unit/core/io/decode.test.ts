import { describe, expect, it } from 'vitest'
import { decodeText, scoreGbk } from '../../../../src/core/io/decode'
import { gbkEncode, latin1Encode } from '../../../fixtures/io'

const GBK_HEADER = [0xBF, 0xCD, 0xBB, 0xA7, 0xC3, 0xFB, 0xB3, 0xC6, 0x2C, 0xBD, 0xF0, 0xB6, 0xEE]

describe('decode', () => {
  describe('gbkEncode fixture', () => {
    it('should give the published GBK bytes of 客户名称,金额', () => {
      expect([...gbkEncode('客户名称,金额')]).toEqual(GBK_HEADER)
    })

    it('should round-trip through the gb18030 decoder', () => {
      const text = '客户名称,金额,负责人\n北京华信科技有限公司,120000,张伟\n'
      expect(new TextDecoder('gb18030').decode(gbkEncode(text))).toBe(text)
    })
  })

  describe('decodeText', () => {
    it('should read UTF-8 without a BOM', () => {
      const bytes = new TextEncoder().encode('名称,金额\n甲,1')
      expect(decodeText(bytes)).toEqual({ text: '名称,金额\n甲,1', encoding: 'utf-8' })
    })

    it('should drop a UTF-8 BOM from the text', () => {
      const bytes = new TextEncoder().encode('\uFEFFa,b')
      expect(decodeText(bytes)).toEqual({ text: 'a,b', encoding: 'utf-8' })
    })

    it('should read a multi-row GBK CSV as GB18030', () => {
      const text = '客户名称,金额,阶段,负责人\n上海启明软件,35000,需求分析,李娜\n深圳万达物流,128000.5,谈判和异议处理,王强\n杭州云栖数据,9800,成交与签约,赵敏\n'
      const res = decodeText(gbkEncode(text))
      expect(res.encoding).toBe('gb18030')
      expect(res.text).toBe(text)
    })

    it('should fall back to windows-1252 for Latin-1 text', () => {
      const text = 'Name,City\nMüller,Zürich\nRené,Besançon café\n'
      const res = decodeText(latin1Encode(text))
      expect(res.encoding).toBe('windows-1252')
      expect(res.text).toBe(text)
    })

    it('should map windows-1252 specials like the euro sign and curly quotes', () => {
      expect(decodeText(Uint8Array.from([0x80, 0x20, 0x35, 0x20, 0x93, 0x78, 0x94])).text).toBe('€ 5 “x”')
    })

    it('should decode all 256 windows-1252 bytes as the WHATWG streaming decoder does', () => {
      const all = Uint8Array.from({ length: 256 }, (_, i) => i)
      const d = new TextDecoder('windows-1252')
      const reference = d.decode(all, { stream: true }) + d.decode()
      expect(decodeText(all, 'windows-1252').text).toBe(reference)
    })

    it('should read UTF-16LE with a BOM (Excel "Unicode text")', () => {
      const text = '名称\t金额\n甲\t1'
      const body = new Uint8Array(text.length * 2)
      for (let i = 0; i < text.length; i++) {
        body[2 * i] = text.charCodeAt(i) & 0xFF
        body[2 * i + 1] = text.charCodeAt(i) >> 8
      }
      const res = decodeText(Uint8Array.from([0xFF, 0xFE, ...body]))
      expect(res).toEqual({ text, encoding: 'utf-16le' })
    })

    it('should use the encoding the user chose', () => {
      const bytes = gbkEncode('金额')
      expect(decodeText(bytes, 'windows-1252').encoding).toBe('windows-1252')
      expect(decodeText(bytes, 'gb18030').text).toBe('金额')
    })
  })

  describe('scoreGbk', () => {
    it('should count Chinese pairs as likely and Latin letters before ASCII as not', () => {
      expect(scoreGbk(gbkEncode('客户'))).toMatchObject({ likely: 2, invalid: 0 })
      expect(scoreGbk(latin1Encode('Müller'))).toMatchObject({ likely: 0, unlikely: 1 })
      expect(scoreGbk(latin1Encode('café'))).toMatchObject({ invalid: 1 })
    })
  })
})
