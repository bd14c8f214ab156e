import { describe, expect, it } from 'vitest'
import { checkFormula, evaluateFormula, MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH, parseFormula, printFormula, tokenize } from '../../../../src/core/formula/index'
import { sampleCtx, sexpr, stripSpans } from '../../../fixtures/formula'

function shape(expr: string): string {
  const { ast, errors } = parseFormula(expr)
  if (!ast) throw new Error(`parse failed: ${errors.map(e => e.code).join(',')}`)
  return sexpr(ast)
}

function firstError(expr: string): { code: string, start: number, end: number } {
  const { ast, errors } = parseFormula(expr)
  expect(ast).toBeNull()
  const [e] = errors
  return { code: e!.code, start: e!.start, end: e!.end }
}

function firstErrorMessage(expr: string): Record<string, string> | undefined {
  return parseFormula(expr).errors[0]?.messages
}

describe('parser', () => {
  describe('parseFormula precedence', () => {
    it.each([
      ['1+2*3', '(+ 1 (* 2 3))'],
      ['(1+2)*3', '(* (+ 1 2) 3)'],
      ['1-2-3', '(- (- 1 2) 3)'],
      ['8/4/2', '(/ (/ 8 4) 2)'],
      ['2^3^2', '(^ (^ 2 3) 2)'],
      ['-2^2', '(^ (neg 2) 2)'],
      ['2^-2', '(^ 2 (neg 2))'],
      ['-(2^2)', '(neg (^ 2 2))'],
      ['2*3^2', '(* 2 (^ 3 2))'],
      ['1+2&"x"', '(& (+ 1 2) "x")'],
      ['"a"&1=1', '(= (& "a" 1) 1)'],
      ['1<2=TRUE', '(= (< 1 2) TRUE)'],
      ['1+2>=3-1', '(>= (+ 1 2) (- 3 1))'],
      ['a(1)<>b(2)', '(<> (a 1) (b 2))'],
      ['50%', '(% 50)'],
      ['-50%', '(neg (% 50))'],
      ['2^50%', '(^ 2 (% 50))'],
      ['1+50%*2', '(+ 1 (* (% 50) 2))'],
      ['--1', '(neg (neg 1))'],
      ['+1', '(pos 1)'],
      ['1--1', '(- 1 (neg 1))'],
      ['{a}*{b.c}', '(* {a} {b.c})'],
      ['=1+1', '(+ 1 1)'],
      ['SUM(1,2,3)', '(SUM 1 2 3)'],
      ['sum()', '(sum)'],
      ['IF({a}>0,"正","负")', '(IF (> {a} 0) "正" "负")'],
      ['CEILING.MATH(1)', '(CEILING.MATH 1)'],
      ['true', 'TRUE'],
      ['False', 'FALSE'],
      ['TRUE()', '(TRUE)'],
    ])('should parse %s as %s', (expr, expected) => {
      expect(shape(expr)).toBe(expected)
    })
  })

  describe('parseFormula literals', () => {
    it.each([
      ['1.5', 1.5],
      ['.5', 0.5],
      ['1e3', 1000],
      ['2.5E-1', 0.25],
      ['007', 7],
    ])('should read the number %s', (expr, value) => {
      expect(parseFormula(expr).ast).toMatchObject({ type: 'number', value })
    })

    it.each([
      ['"a\\"b"', 'a"b'],
      ['"a""b"', 'a"b'],
      ['"line\\nnext"', 'line\nnext'],
      ['"tab\\t"', 'tab\t'],
      ['"back\\\\slash"', 'back\\slash'],
      ['"C:\\data"', 'C:\\data'],
      ['"中文 文本"', '中文 文本'],
      ['“弯引号”', '弯引号'],
      ['""', ''],
    ])('should read the string %s', (expr, value) => {
      expect(parseFormula(expr).ast).toMatchObject({ type: 'string', value })
    })

    it.each([
      ['{f_abc}', ['f_abc']],
      ['{ 客户 名称 }', ['客户 名称']],
      ['{明细.单价}', ['明细', '单价']],
      ['{a\\.b}', ['a.b']],
      ['{a\\}b}', ['a}b']],
    ])('should read the reference %s', (expr, path) => {
      expect(parseFormula(expr).ast).toMatchObject({ type: 'ref', path })
    })

    it('should accept full-width comma and parentheses typed with a Chinese IME', () => {
      expect(shape('SUM（1，2）')).toBe('(SUM 1 2)')
    })

    it('should record spans of nested nodes', () => {
      const ast = parseFormula('1 + ROUND({a}, 2)').ast!
      expect(ast).toMatchObject({ start: 0, end: 17, right: { type: 'call', start: 4, end: 17, args: [{ start: 10, end: 13 }, { start: 15, end: 16 }] } })
    })
  })

  describe('parseFormula errors', () => {
    it.each([
      ['', 'EMPTY_FORMULA', 0, 0],
      ['   ', 'EMPTY_FORMULA', 0, 3],
      ['1+', 'UNEXPECTED_END', 2, 2],
      ['1 2', 'UNEXPECTED_TOKEN', 2, 3],
      ['(1+2', 'MISSING_CLOSE_PAREN', 0, 4],
      ['SUM(1,2', 'MISSING_CLOSE_PAREN', 3, 7],
      ['1+2)', 'UNEXPECTED_TOKEN', 3, 4],
      ['"abc', 'UNTERMINATED_STRING', 0, 4],
      ['{金额', 'UNTERMINATED_REF', 0, 3],
      ['{}', 'EMPTY_REF', 0, 2],
      ['{a.}', 'EMPTY_REF', 0, 4],
      ['1 # 2', 'UNEXPECTED_CHAR', 2, 3],
      ['金额*2', 'UNKNOWN_NAME', 0, 2],
      ['abc', 'UNKNOWN_NAME', 0, 3],
      ['SUM(1,,2)', 'UNEXPECTED_TOKEN', 6, 7],
      ['*3', 'UNEXPECTED_TOKEN', 0, 1],
      ['1e999', 'BAD_NUMBER', 0, 5],
      ['=', 'EMPTY_FORMULA', 0, 1],
    ])('should reject %j with %s at %i..%i', (expr, code, start, end) => {
      expect(firstError(expr)).toEqual({ code, start, end })
    })

    it('should refuse nesting deeper than the limit without overflowing the stack', () => {
      const deep = `${'('.repeat(MAX_FORMULA_DEPTH + 5)}1${')'.repeat(MAX_FORMULA_DEPTH + 5)}`
      expect(firstError(deep).code).toBe('TOO_DEEP')
      expect(shape(`${'('.repeat(50)}1${')'.repeat(50)}`)).toBe('1')
    })

    it('should refuse a 10,000-term operator chain with a positioned TOO_DEEP, not a thrown RangeError', () => {
      for (const op of ['+', '-', '*', '/', '^', '&', '=', '<>', '<=']) {
        const terms = Math.min(10_000, Math.floor((MAX_FORMULA_LENGTH + op.length) / (1 + op.length)))
        const chain = Array.from({ length: terms }, () => '1').join(op)
        // The operator that would make the tree MAX_FORMULA_DEPTH + 1 levels deep.
        const at = MAX_FORMULA_DEPTH * (1 + op.length) - op.length
        expect(firstError(chain)).toEqual({ code: 'TOO_DEEP', start: at, end: at + op.length })
        expect(() => checkFormula(chain, sampleCtx())).not.toThrow()
        expect(checkFormula(chain, sampleCtx()).errors[0]?.code).toBe('TOO_DEEP')
      }
      expect(firstError(`1${'%'.repeat(10_000)}`).code).toBe('TOO_DEEP')
      expect(firstError(`${'SUM('.repeat(2_000)}1${')'.repeat(2_000)}`)).toEqual({ code: 'TOO_DEEP', start: MAX_FORMULA_DEPTH * 4 + 3, end: MAX_FORMULA_DEPTH * 4 + 4 })
      expect(firstError(`${'('.repeat(9_999)}1${')'.repeat(9_999)}`)).toEqual({ code: 'TOO_DEEP', start: MAX_FORMULA_DEPTH, end: MAX_FORMULA_DEPTH + 1 })
      expect(firstError(`${'1+('.repeat(4_000)}1${')'.repeat(4_000)}`).code).toBe('TOO_DEEP')
      expect(parseFormula('x').errors[0]?.messages['zh-CN']).not.toContain('层')
      expect(firstErrorMessage(Array.from({ length: 300 }, () => '1').join('+'))).toEqual({
        'zh-CN': `公式嵌套层数或连续运算过多（最多 ${MAX_FORMULA_DEPTH} 层）`,
        'en': `The formula is nested or chained too deeply (at most ${MAX_FORMULA_DEPTH} levels)`,
      })
    })

    it('should parse, check, evaluate and print a chain at the limit', () => {
      const chain = Array.from({ length: MAX_FORMULA_DEPTH }, () => '1').join('+')
      expect(parseFormula(chain).errors).toEqual([])
      const compiled = checkFormula(chain, sampleCtx())
      expect(compiled.errors).toEqual([])
      expect(evaluateFormula(compiled, {}, sampleCtx())).toBe(MAX_FORMULA_DEPTH)
      expect(printFormula(parseFormula(chain).ast!)).toBe(chain.replaceAll('+', ' + '))
    })

    it('should refuse a formula longer than the maximum length', () => {
      expect(firstError('1+'.repeat(20_000) + '1').code).toBe('TOO_LONG')
    })

    it('should report every lexical error, not only the first', () => {
      const { errors } = parseFormula('1 # 2 @ 3')
      expect(errors.map(e => [e.code, e.start])).toEqual([['UNEXPECTED_CHAR', 2], ['UNEXPECTED_CHAR', 6]])
    })
  })

  describe('tokenize', () => {
    it('should keep lexing after an error so every reference is seen', () => {
      const { tokens, errors } = tokenize('{a} # {b}')
      expect(errors).toHaveLength(1)
      expect(tokens.filter(t => t.type === 'ref')).toHaveLength(2)
    })

    it('should read two-character operators as one token', () => {
      expect(tokenize('1<=2<>3>=4').tokens.filter(t => t.type === 'op').map(t => t.type === 'op' && t.op)).toEqual(['<=', '<>', '>='])
    })
  })

  describe('printFormula', () => {
    it.each([
      ['1+2*3', '1 + 2 * 3'],
      ['(1+2)*3', '(1 + 2) * 3'],
      ['1-(2-3)', '1 - (2 - 3)'],
      ['(1-2)-3', '1 - 2 - 3'],
      ['-(2^2)', '-(2 ^ 2)'],
      ['(-2)^2', '-2 ^ 2'],
      ['(-5)%', '(-5)%'],
      ['2^(3^2)', '2 ^ (3 ^ 2)'],
      ['1=(2=3)', '1 = (2 = 3)'],
      ['"a\\"b"&{x.y}', '"a\\"b" & {x.y}'],
      ['sum(1,"x\ny")', 'sum(1, "x\\ny")'],
      ['{a\\.b}', '{a\\.b}'],
      ['=TRUE', 'TRUE'],
    ])('should print %j as %j', (expr, printed) => {
      expect(printFormula(parseFormula(expr).ast!)).toBe(printed)
    })

    it.each([
      '1+2*3', '-2^2', '2^-2', '-(1+2)%', '(1<2)=(3>4)', 'IF({a}>=10%,{b}&"元",-{c})', 'a.b(1,(2))', '{x\\}y}*"\\\\"',
    ])('should reparse the printed form of %j to the same AST', (expr) => {
      const ast = parseFormula(expr).ast!
      expect(stripSpans(parseFormula(printFormula(ast)).ast)).toEqual(stripSpans(ast))
    })
  })
})
