/**
 * Turning the bytes of an uploaded text file into text. Excel on a Chinese Windows saves
 * CSV as GBK (GB18030), on a western one as windows-1252; "Unicode text" is UTF-16 with a BOM.
 */
import { decodeWindows1252 } from './windows-1252'

/** An encoding a caller may ask for; 'auto' detects it. */
export type TextEncodingChoice = 'auto' | 'utf-8' | 'gb18030' | 'windows-1252'

/** The encoding actually used to decode a file. */
export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'windows-1252'

/** An encoding the user can be asked to pick when detection is unsure. */
export type AskableEncoding = 'utf-8' | 'gb18030' | 'windows-1252'

/**
 * Why 'auto' could not tell the encoding: the bytes are partly valid UTF-8 and partly not
 * (a file pasted together from two sources), or read as more than one legacy encoding.
 */
export interface EncodingDoubt {
  /** 1-based line of the first byte that does not read in the guessed encoding. */
  line: number
  /** Lines holding bytes that are not UTF-8. */
  badLines: number
  /** That line decoded each way, for the user to recognise. */
  samples: { encoding: AskableEncoding, text: string }[]
}

/** Decoded text and the encoding that produced it. */
export interface DecodedText {
  text: string
  encoding: DetectedEncoding
  /** Set when 'auto' guessed: ask the user, showing the samples. */
  doubt?: EncodingDoubt
}

const BOMS: { bytes: number[], encoding: DetectedEncoding }[] = [
  { bytes: [0xEF, 0xBB, 0xBF], encoding: 'utf-8' },
  { bytes: [0xFF, 0xFE], encoding: 'utf-16le' },
  { bytes: [0xFE, 0xFF], encoding: 'utf-16be' },
  { bytes: [0x84, 0x31, 0x95, 0x33], encoding: 'gb18030' },
]

/**
 * Decodes file bytes. With 'auto': a byte-order mark wins; then strict UTF-8; then GB18030
 * when the bytes read as plausible GBK double-byte text (see `scoreGbk`); then windows-1252
 * when they hold neither UTF-8 nor GBK characters. Anything else (mostly UTF-8 with stray
 * bytes, GBK pairs beside bytes GBK cannot read) is decoded with the likelier encoding and
 * comes with a `doubt`, so the user is asked. A leading BOM is never part of the text.
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
  const utf8 = scoreUtf8(bytes)
  const gbk = scoreGbk(bytes)
  // More valid UTF-8 characters than stray bytes: a UTF-8 file with a few legacy bytes in it.
  const mostlyUtf8 = utf8.multiByte > 0 && utf8.multiByte >= utf8.invalid
  // Plain GB2312 text is asked nothing; rarer pairs (or UTF-8 read as GBK) are shown to the user.
  const cleanGbk = gbk.invalid === 0 && gbk.likely > 0 && gbk.unlikely === 0
  if (!mostlyUtf8 && cleanGbk) return { text: decodeWith(bytes, 'gb18030'), encoding: 'gb18030' }
  if (utf8.multiByte === 0 && gbk.likely === 0) return { text: decodeWith(bytes, 'windows-1252'), encoding: 'windows-1252' }
  const guess: AskableEncoding = mostlyUtf8 ? 'utf-8' : gbk.likely >= gbk.unlikely ? 'gb18030' : 'windows-1252'
  const at = guess === 'gb18030' ? gbk.firstOdd : utf8.firstInvalid
  return { text: decodeWith(bytes, guess), encoding: guess, doubt: doubtOf(bytes, at, utf8.badLines) }
}

const ASKABLE: AskableEncoding[] = ['utf-8', 'gb18030', 'windows-1252']
const SAMPLE_CHARS = 160

function doubtOf(bytes: Uint8Array, offset: number, badLines: number): EncodingDoubt {
  const at = Math.max(0, offset)
  let start = at
  while (start > 0 && bytes[start - 1] !== 0x0A) start--
  let end = at
  while (end < bytes.length && bytes[end] !== 0x0A && bytes[end] !== 0x0D) end++
  let line = 1
  for (let i = 0; i < start; i++) if (bytes[i] === 0x0A) line++
  const slice = bytes.subarray(start, end)
  return { line, badLines, samples: ASKABLE.map(encoding => ({ encoding, text: decodeWith(slice, encoding).slice(0, SAMPLE_CHARS) })) }
}

/** How UTF-8-like a byte string is. */
export interface Utf8Score {
  /** Valid sequences of 2-4 bytes (non-ASCII characters). */
  multiByte: number
  /** Bytes that start or continue no valid sequence. */
  invalid: number
  /** Offset of the first invalid byte, -1 if none. */
  firstInvalid: number
  /** Lines with at least one invalid byte. */
  badLines: number
}

/** Scores bytes as UTF-8 (overlong forms and surrogates count as invalid, as TextDecoder says). */
export function scoreUtf8(bytes: Uint8Array): Utf8Score {
  const score: Utf8Score = { multiByte: 0, invalid: 0, firstInvalid: -1, badLines: 0 }
  let lineBad = false
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    if (b < 0x80) {
      if (b === 0x0A) lineBad = false
      i++
      continue
    }
    const len = sequenceLength(bytes, i)
    if (len > 0) {
      score.multiByte++
      i += len
      continue
    }
    if (score.firstInvalid < 0) score.firstInvalid = i
    score.invalid++
    if (!lineBad) score.badLines++
    lineBad = true
    i++
  }
  return score
}

/** Length of the valid UTF-8 sequence starting at `i` (lead byte >= 0x80), 0 if invalid. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!
  const cont = (k: number, lo = 0x80, hi = 0xBF) => {
    const c = bytes[i + k]
    return c !== undefined && c >= lo && c <= hi
  }
  if (b >= 0xC2 && b <= 0xDF) return cont(1) ? 2 : 0
  if (b === 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0
  if (b === 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
  if (b >= 0xE1 && b <= 0xEF) return cont(1) && cont(2) ? 3 : 0
  if (b === 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
  if (b >= 0xF1 && b <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0
  if (b === 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
  return 0
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
  /** Offset of the first unlikely pair or invalid byte, -1 if none. */
  firstOdd: number
}

/**
 * Scores bytes as GBK/GB18030. Latin-1 text fails here because an accented letter is
 * followed by ASCII (an invalid or "unlikely" pair), while Chinese text is mostly GB2312 pairs.
 */
export function scoreGbk(bytes: Uint8Array): GbkScore {
  const score: GbkScore = { likely: 0, unlikely: 0, fourByte: 0, invalid: 0, firstOdd: -1 }
  const odd = (at: number) => {
    if (score.firstOdd < 0) score.firstOdd = at
  }
  let i = 0
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0
    if (lead < 0x80) {
      i++
      continue
    }
    const trail = bytes[i + 1]
    if (lead === 0x80 || lead === 0xFF || trail === undefined) {
      odd(i)
      score.invalid++
      i++
    }
    else if (isDigit(trail) && isLead(bytes[i + 2]) && isDigit(bytes[i + 3])) {
      score.fourByte++
      i += 4
    }
    else if (trail >= 0x40 && trail <= 0xFE && trail !== 0x7F) {
      if (lead >= 0xA1 && trail >= 0xA1) {
        score.likely++
      }
      else {
        odd(i)
        score.unlikely++
      }
      i += 2
    }
    else {
      odd(i)
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
