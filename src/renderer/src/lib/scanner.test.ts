// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { BURST, BurstDetector, isGtin } from './burst-detector'
import { installScanBursts, SCAN_REFUSED } from './scanner'

describe('BurstDetector', () => {
  const feedAll = (detector: BurstDetector, text: string, start: number, gap: number) =>
    [...text].map((key, i) => detector.feed({ key, at: start + i * gap, modified: false }))

  it('takes 13 digits 5 ms apart ending in Enter as a scan', () => {
    const detector = new BurstDetector()
    feedAll(detector, '6923456010029', 1000, 5)
    expect(detector.feed({ key: 'Enter', at: 1070, modified: false })).toMatchObject({
      kind: 'scan',
      code: '6923456010029'
    })
  })

  it('takes a burst whose first keys came late on a busy machine', () => {
    const detector = new BurstDetector()
    detector.feed({ key: '2', at: 0, modified: false })
    detector.feed({ key: '0', at: 150, modified: false })
    feedAll(detector, '00000060149', 300, 4)
    expect(detector.feed({ key: 'Enter', at: 350, modified: false })).toMatchObject({
      kind: 'scan',
      code: '2000000060149'
    })
  })

  it('takes a burst a busy machine delivered in clumps (one key 120 ms late)', () => {
    const detector = new BurstDetector()
    feedAll(detector, '692345', 0, 3)
    feedAll(detector, '6010029', 135, 3)
    expect(detector.feed({ key: 'Enter', at: 160, modified: false })).toMatchObject({
      kind: 'scan',
      code: '6923456010029'
    })
  })

  it('leaves a person typing 120 ms apart alone', () => {
    const detector = new BurstDetector()
    feedAll(detector, '100000', 1000, 120)
    expect(detector.feed({ key: 'Enter', at: 1000 + 6 * 120, modified: false })).toEqual({ kind: 'pass' })
  })

  it('leaves a very fast typist (80 ms a key) alone', () => {
    const detector = new BurstDetector()
    feedAll(detector, '1234567', 0, 80)
    expect(detector.feed({ key: 'Enter', at: 7 * 80, modified: false }).kind).toBe('pass')
  })

  it(`needs at least ${BURST.MIN_LENGTH} characters: "3*" style prefixes and short quantities stay with the field`, () => {
    const detector = new BurstDetector()
    feedAll(detector, '12345', 0, 2)
    expect(detector.feed({ key: 'Enter', at: 12, modified: false }).kind).toBe('pass')
  })

  it('starts a new run after a pause, so slow typing before a burst is not part of the code', () => {
    const detector = new BurstDetector()
    feedAll(detector, 'ab', 0, 180)
    feedAll(detector, '69012345', 600, 4)
    expect(detector.feed({ key: 'Enter', at: 640, modified: false })).toMatchObject({
      kind: 'scan',
      code: '69012345'
    })
  })

  it('leaves a "3" typed just before a scan with the field: the scan is looked up alone', () => {
    const detector = new BurstDetector<string>()
    detector.feed({ key: '3', at: 0, modified: false, before: '' })
    ;[...'6923456030039'].forEach((key, i) =>
      detector.feed({ key, at: 200 + i * 4, modified: false, before: i === 0 ? '3' : 'later' })
    )
    expect(detector.feed({ key: 'Enter', at: 260, modified: false })).toEqual({
      kind: 'scan',
      code: '6923456030039',
      before: '3',
      whole: '36923456030039'
    })
  })

  it('leaves a key typed just before a scan of an SKU with the field, by timing alone', () => {
    const detector = new BurstDetector<string>()
    detector.feed({ key: 'a', at: 0, modified: false, before: '' })
    ;[...'SKU-1001'].forEach((key, i) =>
      detector.feed({ key, at: 150 + i * 5, modified: false, before: i === 0 ? 'a' : 'later' })
    )
    expect(detector.feed({ key: 'Enter', at: 195, modified: false })).toEqual({
      kind: 'scan',
      code: 'SKU-1001',
      before: 'a',
      whole: 'aSKU-1001'
    })
  })

  it('leaves a key typed before a scan with the field when a busy machine slowed the burst to 35 ms a key', () => {
    const detector = new BurstDetector<string>()
    detector.feed({ key: 'w', at: 0, modified: false, before: '' })
    ;[...'FRZ-014'].forEach((key, i) =>
      detector.feed({ key, at: 160 + i * 35, modified: false, before: i === 0 ? 'w' : 'later' })
    )
    expect(detector.feed({ key: 'Enter', at: 160 + 7 * 35, modified: false })).toMatchObject({
      kind: 'scan',
      code: 'FRZ-014',
      before: 'w'
    })
  })

  it('cuts a typed "3" before a GTIN whose burst had a hiccup after its first key (the check digit decides)', () => {
    const detector = new BurstDetector()
    detector.feed({ key: '3', at: 0, modified: false })
    detector.feed({ key: '6', at: 150, modified: false })
    feedAll(detector, '923456090095', 240, 4)
    expect(detector.feed({ key: 'Enter', at: 290, modified: false })).toMatchObject({
      kind: 'scan',
      code: '6923456090095'
    })
  })

  it('leaves two keys a person typed before a scan of an in-store code with the field', () => {
    const detector = new BurstDetector<string>()
    detector.feed({ key: 'a', at: 0, modified: false, before: '' })
    detector.feed({ key: 'b', at: 110, modified: false, before: 'a' })
    ;[...'A-100200'].forEach((key, i) =>
      detector.feed({ key, at: 300 + i * 8, modified: false, before: i === 0 ? 'ab' : 'later' })
    )
    expect(detector.feed({ key: 'Enter', at: 370, modified: false })).toMatchObject({
      kind: 'scan',
      code: 'A-100200',
      before: 'ab'
    })
  })

  it('keeps an SKU a busy machine delivered in clumps whole (the keys before the hiccup were fast)', () => {
    const detector = new BurstDetector()
    feedAll(detector, 'SKU-10', 0, 3)
    feedAll(detector, '01234', 135, 3)
    expect(detector.feed({ key: 'Enter', at: 160, modified: false })).toEqual({
      kind: 'scan',
      code: 'SKU-1001234',
      before: undefined
    })
  })

  it('leaves "50" typed into the cash amount just before a scan whole (a GTIN still checks with a 0 in front)', () => {
    const detector = new BurstDetector<string>()
    detector.feed({ key: '5', at: 0, modified: false, before: '' })
    detector.feed({ key: '0', at: 100, modified: false, before: '5' })
    ;[...'6923456080140'].forEach((key, i) =>
      detector.feed({ key, at: 300 + i * 5, modified: false, before: i === 0 ? '50' : 'later' })
    )
    expect(detector.feed({ key: 'Enter', at: 370, modified: false })).toMatchObject({
      kind: 'scan',
      code: '6923456080140',
      before: '50'
    })
  })

  it('leaves a lone "0" typed just before a scan with the field, though "0" + the code is a GTIN-14', () => {
    const detector = new BurstDetector<string>()
    detector.feed({ key: '0', at: 0, modified: false, before: '5' })
    ;[...'6923456080140'].forEach((key, i) =>
      detector.feed({ key, at: 200 + i * 5, modified: false, before: i === 0 ? '50' : 'later' })
    )
    expect(detector.feed({ key: 'Enter', at: 270, modified: false })).toMatchObject({
      kind: 'scan',
      code: '6923456080140',
      before: '50'
    })
  })

  it('leaves "10" typed into a count with the field when the scan after it had a hiccup after its first key', () => {
    const detector = new BurstDetector<string>()
    detector.feed({ key: '1', at: 0, modified: false, before: '' })
    detector.feed({ key: '0', at: 110, modified: false, before: '1' })
    detector.feed({ key: '6', at: 330, modified: false, before: '10' })
    ;[...'923456090095'].forEach((key, i) =>
      detector.feed({ key, at: 420 + i * 5, modified: false, before: 'later' })
    )
    expect(detector.feed({ key: 'Enter', at: 485, modified: false })).toMatchObject({
      kind: 'scan',
      code: '6923456090095',
      before: '10'
    })
  })

  it("keeps a scanner's own 0s whole when a hiccup came after them (the keys before it were fast)", () => {
    const detector = new BurstDetector()
    feedAll(detector, '00', 0, 5)
    feedAll(detector, '012345678905', 120, 5)
    expect(detector.feed({ key: 'Enter', at: 185, modified: false })).toMatchObject({
      kind: 'scan',
      code: '00012345678905'
    })
  })

  it('still keeps a GTIN whole when its own first key came late and is not a 0', () => {
    const detector = new BurstDetector()
    detector.feed({ key: '6', at: 0, modified: false })
    feedAll(detector, '923456080140', 150, 5)
    expect(detector.feed({ key: 'Enter', at: 215, modified: false })).toMatchObject({
      kind: 'scan',
      code: '6923456080140'
    })
  })

  it('checks GTIN check digits (EAN-13, EAN-8)', () => {
    expect(isGtin('6923456030039')).toBe(true)
    expect(isGtin('36923456030039')).toBe(false)
    expect(isGtin('2000000060149')).toBe(true)
    expect(isGtin('96385074')).toBe(true)
    expect(isGtin('96385075')).toBe(false)
  })

  it('ignores a burst whose Enter comes late (a person pressing Enter after a paste)', () => {
    const detector = new BurstDetector()
    feedAll(detector, '69012345', 0, 4)
    expect(detector.feed({ key: 'Enter', at: 500, modified: false }).kind).toBe('pass')
  })
})

describe('installScanBursts', () => {
  let uninstall: (() => void) | null = null
  afterEach(() => {
    uninstall?.()
    document.body.innerHTML = ''
  })

  /** Types like a wedge scanner: each key's default action inserts it, unless prevented. */
  function burst(field: HTMLInputElement, code: string): { submitted: boolean } {
    let submitted = false
    field.form?.addEventListener('submit', (e) => {
      e.preventDefault()
      submitted = true
    })
    let at = 10_000
    for (const key of code) {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })
      Object.defineProperty(event, 'timeStamp', { value: (at += 4) })
      if (field.dispatchEvent(event)) field.value += key
    }
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })
    Object.defineProperty(enter, 'timeStamp', { value: at + 4 })
    if (field.dispatchEvent(enter)) field.form?.requestSubmit()
    return { submitted }
  }

  it('routes a burst in a money field to the scan handler, restores the field and submits nothing', () => {
    document.body.innerHTML = '<form><input id="cash" value="50"></form>'
    const field = document.getElementById('cash') as HTMLInputElement
    const scans: string[] = []
    uninstall = installScanBursts(window, undefined, () => (code) => scans.push(code))
    const { submitted } = burst(field, '6923456010029')
    expect(scans).toEqual(['6923456010029'])
    expect(field.value).toBe('50')
    expect(submitted).toBe(false)
  })

  it('leaves a scan-target field (the scan bar, a payment code) to its own Enter', () => {
    document.body.innerHTML = '<form><input id="code" data-scan-target value=""></form>'
    const field = document.getElementById('code') as HTMLInputElement
    const scans: string[] = []
    uninstall = installScanBursts(window, undefined, () => (code) => scans.push(code))
    const { submitted } = burst(field, '134567890123456789')
    expect(scans).toEqual([])
    expect(field.value).toBe('134567890123456789')
    expect(submitted).toBe(true)
  })

  it('a key typed into a field just before a scan of an SKU stays there; the SKU is scanned alone', () => {
    document.body.innerHTML = '<form><input id="coupon" value=""></form>'
    const field = document.getElementById('coupon') as HTMLInputElement
    const scans: Array<[string, string | undefined]> = []
    uninstall = installScanBursts(window, undefined, () => (code, whole) => scans.push([code, whole]))
    const typed = new KeyboardEvent('keydown', { key: 'a', bubbles: true, cancelable: true })
    Object.defineProperty(typed, 'timeStamp', { value: 9_850 })
    if (field.dispatchEvent(typed)) field.value += 'a'
    const { submitted } = burst(field, 'SKU-1001')
    expect(scans).toEqual([['SKU-1001', 'aSKU-1001']])
    expect(field.value).toBe('a')
    expect(submitted).toBe(false)
  })

  it('takes the burst back out of a field the focus moved into while the scanner was sending', () => {
    document.body.innerHTML = '<form><input id="a" value="3"><input id="b" value=""></form>'
    const a = document.getElementById('a') as HTMLInputElement
    const b = document.getElementById('b') as HTMLInputElement
    const scans: string[] = []
    uninstall = installScanBursts(window, undefined, () => (code) => scans.push(code))
    let at = 20_000
    const key = (field: HTMLInputElement, k: string): void => {
      const event = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })
      Object.defineProperty(event, 'timeStamp', { value: (at += 5) })
      if (field.dispatchEvent(event) && k !== 'Enter') field.value += k
    }
    // The first keys land in the box the cashier is leaving; a click moves the rest to the next.
    for (const k of '6923') key(a, k)
    at += 40
    for (const k of '456080140') key(b, k)
    key(b, 'Enter')
    expect(scans).toEqual(['6923456080140'])
    expect(a.value).toBe('3')
    expect(b.value).toBe('')
  })

  it('takes the burst out of a count box clicked into after the scanner fired (its first keys reached no field)', () => {
    document.body.innerHTML = '<form><button id="face">¥20</button><input id="count" value=""></form>'
    const face = document.getElementById('face') as HTMLButtonElement
    const count = document.getElementById('count') as HTMLInputElement
    const refused: string[] = []
    const onRefused = (event: Event): void => void refused.push((event as CustomEvent<string>).detail)
    window.addEventListener(SCAN_REFUSED, onRefused)
    uninstall = installScanBursts(window, undefined, () => undefined)
    let at = 30_000
    const key = (target: HTMLElement, k: string): void => {
      const event = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })
      Object.defineProperty(event, 'timeStamp', { value: (at += 5) })
      if (target.dispatchEvent(event) && k !== 'Enter' && target === count) count.value += k
    }
    for (const k of '69') key(face, k)
    at += 30
    for (const k of '23456080140') key(count, k)
    key(count, 'Enter')
    window.removeEventListener(SCAN_REFUSED, onRefused)
    expect(count.value).toBe('')
    expect(refused).toEqual(['6923456080140'])
  })

  it('swallows a burst on a screen that takes no scans: a count or PIN keeps its value, nothing submits', () => {
    document.body.innerHTML = '<form><input id="pin" type="password" value="12"></form>'
    const field = document.getElementById('pin') as HTMLInputElement
    const refused: string[] = []
    const onRefused = (event: Event): void => void refused.push((event as CustomEvent<string>).detail)
    window.addEventListener(SCAN_REFUSED, onRefused)
    uninstall = installScanBursts(window, undefined, () => undefined)
    const { submitted } = burst(field, '6923456010029')
    window.removeEventListener(SCAN_REFUSED, onRefused)
    expect(field.value).toBe('12')
    expect(submitted).toBe(false)
    expect(refused).toEqual(['6923456010029'])
  })
})
