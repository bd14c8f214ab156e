import { describe, expect, it } from 'vitest'
import { mayWrite, roleOf, type SecurityObject } from '../../../../src/core/sync/roles'

const security: SecurityObject = {
  admins: { names: ['ann'], roles: ['sales-lead'] },
  members: { names: ['mia', 'vic'], roles: [] },
  funnelgrid: { viewers: ['vic'] },
}
const user = (name: string | null, roles: string[] = []) => ({ name, roles })

describe('roleOf', () => {
  it('reads admins, members and viewers from the security object', () => {
    expect(roleOf(user('ann'), security, 'db')).toBe('admin')
    expect(roleOf(user('bob', ['sales-lead']), security, 'db')).toBe('admin')
    expect(roleOf(user('mia'), security, 'db')).toBe('member')
    expect(roleOf(user('vic'), security, 'db')).toBe('viewer')
  })

  it('gives no role to strangers and anonymous users, and any database to server admins', () => {
    expect(roleOf(user('eve'), security, 'db')).toBeNull()
    expect(roleOf(user(null), security, 'db')).toBeNull()
    expect(roleOf(null, security, 'db')).toBeNull()
    expect(roleOf(user('root', ['_admin']), {}, 'db')).toBe('admin')
    expect(roleOf(user('mia'), {}, 'db')).toBeNull()
  })

  it('ignores a user context from another database', () => {
    expect(roleOf({ name: 'mia', roles: [], db: 'other' }, security, 'db')).toBeNull()
    expect(roleOf({ name: 'mia', roles: [], db: 'db' }, security, 'db')).toBe('member')
  })

  it('lets members write records, events and changes only', () => {
    expect(['definition', 'settings', 'record', 'event', 'change'].filter(t => mayWrite('member', t as never))).toEqual(['record', 'event', 'change'])
    expect(mayWrite('admin', 'settings')).toBe(true)
    expect(mayWrite('viewer', 'record')).toBe(false)
    expect(mayWrite(null, 'record')).toBe(false)
  })
})
