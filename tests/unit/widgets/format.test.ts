import { describe, expect, it } from 'vitest'
import { formatValue } from '../../../src/widgets/shared/format'

describe('widgets/shared/format', () => {
  it('should show money figures with the amount field\'s currency symbol (销售速度 ¥80,501, not 80,501)', () => {
    expect(formatValue(80501.4, 'money', 'zh-CN', 'CNY')).toBe('¥80,501')
    expect(formatValue(-1200, 'money', 'en', 'USD')).toBe('-$1,200')
    expect(formatValue(12.5, 'money', 'en', 'EUR')).toBe('€12.5')
  })

  it('should leave money without a known currency as a plain number and other formats alone', () => {
    expect(formatValue(80501, 'money', 'zh-CN')).toBe('80,501')
    expect(formatValue(0.225, 'percent', 'zh-CN', 'CNY')).toBe('22.5%')
    expect(formatValue(null, 'money', 'zh-CN', 'CNY')).toBe('—')
  })
})
