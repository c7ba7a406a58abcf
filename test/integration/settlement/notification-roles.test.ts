import { describe, expect, it } from 'vitest'
import { addStaff, callOk, loginAs, setupOwner, STAFF } from '../../support/accounts'
import { createTestCore } from '../../support/core'

/**
 * A settled day's notice carries the Z-report's figures (net sales, the drawer's over/short); the
 * README has main send a cashier no drawer figures, so main leaves it out of what a cashier is sent.
 */
describe('notifications by role', () => {
  it("gives the settled day's notice to the owner and a manager, never to a cashier", async () => {
    const { core, sessionId } = await createTestCore()
    const owner = await setupOwner(core, sessionId)
    await callOk(core, owner, 'settlement:settle', { date: '2026-11-24' })

    const ownerList = await callOk(core, owner, 'notifications:list', {})
    expect(ownerList.items.map((item) => item.key)).toEqual(['notifications.dayClosed'])
    expect(ownerList.unread).toBe(1)
    const dayClosed = ownerList.items[0]!
    // The live push, as the web server and the Electron windows filter it.
    expect(core.mayReceive(owner, 'notification:raised', dayClosed)).toBe(true)

    // The till then goes over to the staff, one after the other (the till has one user at a time).
    await addStaff(core, owner)
    const manager = await loginAs(core, STAFF.manager.username, STAFF.manager.password)
    const managerList = await callOk(core, manager, 'notifications:list', {})
    expect(managerList.items.map((item) => item.key)).toEqual(['notifications.dayClosed'])

    const cashier = await loginAs(core, STAFF.cashier.username, STAFF.cashier.password)
    expect(await callOk(core, cashier, 'notifications:list', {})).toEqual({ items: [], unread: 0 })
    expect(await callOk(core, cashier, 'notifications:mark-read', { ids: [dayClosed.id] })).toEqual({
      unread: 0
    })
    expect(core.mayReceive(cashier, 'notification:raised', dayClosed)).toBe(false)
    expect(core.mayReceive(cashier, 'notification:raised', { key: 'notifications.refundRefused' })).toBe(true)

    // The cashier's "mark all read" marks what the cashier sees, not the manager's notice.
    expect(await callOk(core, cashier, 'notifications:mark-read', {})).toEqual({ unread: 0 })
    const back = await loginAs(core, STAFF.manager.username, STAFF.manager.password)
    expect(await callOk(core, back, 'notifications:list', {})).toMatchObject({
      items: [{ key: 'notifications.dayClosed', read: false }],
      unread: 1
    })
    // The manager's own "mark all read" does mark it.
    expect(await callOk(core, back, 'notifications:mark-read', {})).toEqual({ unread: 0 })
  })
})
