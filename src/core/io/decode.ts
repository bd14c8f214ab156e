/**
 * Turning the bytes of an uploaded text file into text. Excel on a Chinese Windows saves
 * CSV as GBK (GB18030), on a western one as windows-1252; "Unicode text" is UTF-16 with a BOM.
 */
import { decodeWindows1252 } from './windows-1252'

/** An encoding a caller may ask for; 'auto' detects it. */
export type TextEncodingChoice = 'auto' | 'utf-8' | 'gb18030' | 'windows-1252'

/** The encoding actually used to decode a file. */
export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'windows-1252'

/** Decoded text and the encoding that produced it. */
export interface DecodedText {
  text: string
  encoding: DetectedEncoding
}

const BOMS: { bytes: number[], encoding: DetectedEncoding }[] = [
  { bytes: [0xEF, 0xBB, 0xBF], encoding: 'utf-8' },
  { bytes: [0xFF, 0xFE], encoding: 'utf-16le' },
  { bytes: [0xFE, 0xFF], encoding: 'utf-16be' },
  { bytes: [0x84, 0x31, 0x95, 0x33], encoding: 'gb18030' },
]

/**
 * Decodes file bytes. With 'auto': a byte-order mark wins; then strict UTF-8; then GB18030
 * when the bytes read as plausible GBK double-byte text (see `scoreGbk`); else windows-1252,
 * which decodes any byte. A leading BOM is never part of the text.
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingChoice = 'auto'): DecodedText {
  if (encoding !== 'auto') return { text: decodeWith(bytes, encoding), encoding }
  const bom = BOMS.find(b => b.bytes.every((x, i) => bytes[i] === x))
  if (bom) return { text: decodeWith(bytes, bom.encoding), encoding: bom.encoding }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  }
  catch {
    // Not UTF-8: fall through to the legacy encodings.
  }
  const gbk = scoreGbk(bytes)
  if (gbk.invalid === 0 && gbk.likely > 0 && gbk.likely >= 2 * gbk.unlikely)
    return { text: decodeWith(bytes, 'gb18030'), encoding: 'gb18030' }
  return { text: decodeWith(bytes, 'windows-1252'), encoding: 'windows-1252' }
}

function decodeWith(bytes: Uint8Array, encoding: DetectedEncoding): string {
  const text = encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes)
  return text.charCodeAt(0) === 0xFEFF ? text.slice(1) : text
}

/** How GBK-like a byte string is. */
export interface GbkScore {
  /** Pairs in the GB2312 area (both bytes >= 0xA1): common hanzi and CJK punctuation. */
  likely: number
  /** Valid GBK pairs outside it (trail byte < 0xA1): rare characters, or Latin-1 letters by accident. */
  unlikely: number
  /** Four-byte GB18030 sequences. */
  fourByte: number
  /** High bytes that start no valid sequence. */
  invalid: number
}

/**
 * Scores bytes as GBK/GB18030. Latin-1 text fails here because an accented letter is
 * followed by ASCII (an invalid or "unlikely" pair), while Chinese text is mostly GB2312 pairs.
 */
export function scoreGbk(bytes: Uint8Array): GbkScore {
  const score: GbkScore = { likely: 0, unlikely: 0, fourByte: 0, invalid: 0 }
  let i = 0
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0
    if (lead < 0x80) {
      i++
      continue
    }
    const trail = bytes[i + 1]
    if (lead === 0x80 || lead === 0xFF || trail === undefined) {
      score.invalid++
      i++
    }
    else if (isDigit(trail) && isLead(bytes[i + 2]) && isDigit(bytes[i + 3])) {
      score.fourByte++
      i += 4
    }
    else if (trail >= 0x40 && trail <= 0xFE && trail !== 0x7F) {
      if (lead >= 0xA1 && trail >= 0xA1) score.likely++
      else score.unlikely++
      i += 2
    }
    else {
      score.invalid++
      i++
    }
  }
  return score
}

function isDigit(b: number | undefined): boolean {
  return b !== undefined && b >= 0x30 && b <= 0x39
}

function isLead(b: number | undefined): boolean {
  return b !== undefined && b >= 0x81 && b <= 0xFE
}
