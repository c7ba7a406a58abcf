import { expect, type Page } from '@playwright/test'
import { api } from './api'

/** The counter sizes every Sell-screen walk is made at (issue 10). */
export const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 860 }
] as const
export const LANGUAGES = ['en', 'zh-CN'] as const
export type Language = (typeof LANGUAGES)[number]

/**
 * Each size with each language once, on the diagonal (1024×768 in zh-CN, 1366×860 in en): what a
 * spec walks when the full square would double its time in `npm test` for the same checks.
 */
export const DIAGONAL: ReadonlyArray<{ size: (typeof SIZES)[number]; language: Language }> = [
  { size: SIZES[0], language: 'zh-CN' },
  { size: SIZES[1], language: 'en' }
]

export interface DemoProduct {
  id: string
  sku: string
  barcodes: string[]
  nameZh: string
  nameEn: string
  unit: string
  priceMinor: number
}

/** A keyboard-wedge scanner: keys a few ms apart, then Enter — wherever the focus is. */
export async function burst(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 5 })
  await page.keyboard.press('Enter')
}

/** A person typing: keys well apart, as no scanner sends them; then the pause a person makes. */
export async function typeSlowly(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 120 })
  await page.waitForTimeout(400)
}

/**
 * A person's keys (100 ms apart), then a scanner firing 200 ms after the last of them: within
 * the pause that still joins keys into one run, so the detector must tell where the person's
 * keys end and the scanner's begin.
 */
export async function typeThenScan(page: Page, typed: string, code: string): Promise<void> {
  await page.keyboard.type(typed, { delay: 100 })
  await page.waitForTimeout(200)
  await burst(page, code)
}

/** Switches the interface language through the API and reloads (the sign-in is kept). */
export async function useLanguage(page: Page, language: Language): Promise<void> {
  await api(page, 'preferences:update', { language })
  // The device's choice; a tab that was switched by hand keeps its own across a reload.
  await page.evaluate(() => sessionStorage.removeItem('kassa.language'))
  await page.reload()
  await page.getByRole('navigation', { name: language === 'en' ? 'Main navigation' : '主导航' }).waitFor()
}

/** The demo shop's products sold by the piece, with barcodes, cheapest first. */
export async function pieceGoods(page: Page): Promise<DemoProduct[]> {
  const { products } = await api<{ products: DemoProduct[] }>(page, 'catalog:search', {
    query: '',
    limit: 200
  })
  return products
    .filter((p) => p.unit === 'piece' && p.barcodes.length > 0 && p.priceMinor >= 100)
    .sort((a, b) => a.priceMinor - b.priceMinor)
}

export const nameIn = (product: DemoProduct, language: Language): string =>
  language === 'en' ? product.nameEn : product.nameZh

/** Nothing on the page scrolls sideways: the window, the screen area, or the cart. */
export async function expectNoSideScroll(page: Page): Promise<void> {
  // Polled: a screen settling (tiles arriving, fonts) may overflow for a frame.
  await expect
    .poll(() =>
      page.evaluate(() =>
        [document.documentElement, ...document.querySelectorAll('.shell__main, .cart-lines, dialog[open]')]
          .filter((el) => el.scrollWidth > el.clientWidth + 1)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}`)
      )
    )
    .toEqual([])
}

/**
 * How many cart rows a cashier sees whole: below the (sticky) column headings, above the
 * cart's bottom edge and the window's. A row half under the headings does not count.
 */
export async function visibleCartRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const box = document.querySelector('.cart-lines')!.getBoundingClientRect()
    const heading = document.querySelector('.cart-lines thead th')!.getBoundingClientRect()
    const top = Math.max(box.top, heading.bottom)
    const bottom = Math.min(box.bottom, window.innerHeight)
    return [...document.querySelectorAll('.cart-lines tbody tr')].filter((row) => {
      const r = row.getBoundingClientRect()
      return r.height > 0 && r.top >= top - 1 && r.bottom <= bottom + 1
    }).length
  })
}

/** The topmost element at the centre of `selector`'s box is inside it: nothing covers it. */
export async function isOnTop(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel)
    if (!el) return false
    const r = el.getBoundingClientRect()
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(40, r.height / 2))
    return hit !== null && el.contains(hit)
  }, selector)
}

/**
 * The front dialog (the newest `showModal`) is usable at this size: wholly inside the window,
 * not scrolling sideways, and every action button — its `.dialog__actions`, its submit buttons,
 * an approval's Approve/Cancel — can be pressed where it is (the point at its centre hits it:
 * not clipped by a scrolled body, not under anything). A body taller than the window scrolls, and
 * nothing of it shows beneath its buttons.
 * Returns the problems found, so a failure names them all.
 */
export async function dialogProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const open = [...document.querySelectorAll<HTMLDialogElement>('dialog[open]')]
    const front = open.find((dialog) => {
      const r = dialog.getBoundingClientRect()
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(30, r.height / 2))
      return hit !== null && dialog.contains(hit)
    })
    if (!front) return [`no dialog on top (${open.length} open)`]
    const name = front.getAttribute('aria-labelledby')
      ? document.getElementById(front.getAttribute('aria-labelledby')!)?.textContent
      : front.className
    const problems: string[] = []
    const box = front.getBoundingClientRect()
    if (box.top < -0.5 || box.left < -0.5 || box.bottom > innerHeight + 0.5 || box.right > innerWidth + 0.5)
      problems.push(`"${name}" is outside the window: ${JSON.stringify(box)}`)
    if (front.scrollWidth > front.clientWidth + 1) problems.push(`"${name}" scrolls sideways`)
    for (const body of front.querySelectorAll<HTMLElement>('.dialog__body')) {
      const style = getComputedStyle(body)
      if (body.scrollHeight > body.clientHeight + 1 && !/auto|scroll/.test(style.overflowY))
        problems.push(`"${name}": its body is cut off instead of scrolling`)
      // Buttons stuck to the bottom of a scrolling body cover it to its edge: no field peeks out
      // beneath them. (The outermost stuck box holding the buttons, when nothing follows it: a panel
      // meant to sit below the buttons, as the payment's "to pay", is seen by scrolling.)
      const edge = body.getBoundingClientRect()
      for (const actions of body.querySelectorAll<HTMLElement>('.dialog__actions')) {
        let stuck: HTMLElement | null = null
        for (let box: HTMLElement | null = actions; box && box !== body; box = box.parentElement)
          if (getComputedStyle(box).position === 'sticky') stuck = box
        if (!stuck || body.scrollHeight <= body.clientHeight + 1) continue
        let last = true
        for (let box: HTMLElement | null = stuck; box && box !== body; box = box.parentElement)
          if (box.nextElementSibling) last = false
        if (!last) continue
        const below = document.elementFromPoint(edge.left + edge.width / 2, edge.bottom - 3)
        if (below && !stuck.contains(below) && below !== body)
          problems.push(`"${name}": a ${below.tagName.toLowerCase()} shows beneath its buttons`)
      }
    }
    const actions = front.querySelectorAll<HTMLButtonElement>(
      '.dialog__actions button, .sale-done__actions button, button[type="submit"], .approval > button, .tender-progress button'
    )
    if (actions.length === 0) problems.push(`"${name}" has no action buttons`)
    for (const button of actions) {
      if (button.closest('dialog') !== front || button.offsetParent === null) continue
      const r = button.getBoundingClientRect()
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
      if (!hit || !button.contains(hit))
        problems.push(`"${name}": its button "${button.textContent?.trim()}" cannot be pressed where it is`)
    }
    return problems
  })
}

/**
 * Action buttons whose words wrap onto a second line (or are cut off) in the open dialogs and
 * the sandbox customer device: each names the button and how many lines it takes. A button's
 * words are on one line when every piece of its text sits on the first line box (a rect whose
 * top is at or below another's bottom starts a new line). Method tabs (icon over name) and
 * icon-only buttons are left out: they are laid out on purpose in more than one row.
 */
export async function wrappedButtons(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const scopes = [...document.querySelectorAll<HTMLElement>('dialog[open], .device-drawer')]
    for (const scope of scopes)
      for (const button of scope.querySelectorAll<HTMLButtonElement>('button:not([role="tab"])')) {
        const text = button.textContent?.trim() ?? ''
        if (!text || button.getClientRects().length === 0) continue
        const rects: DOMRect[] = []
        const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent?.trim()) continue
          const range = document.createRange()
          range.selectNodeContents(node)
          rects.push(...[...range.getClientRects()].filter((r) => r.width > 0))
        }
        rects.sort((a, b) => a.top - b.top)
        let lines = rects.length > 0 ? 1 : 0
        let lineBottom = rects[0]?.bottom ?? 0
        for (const r of rects.slice(1)) {
          if (r.top >= lineBottom - 2) {
            lines++
            lineBottom = r.bottom
          } else lineBottom = Math.max(lineBottom, r.bottom)
        }
        if (lines > 1)
          problems.push(`"${text}" takes ${lines} lines (${Math.round(button.offsetWidth)}px wide)`)
        if (button.scrollWidth > button.clientWidth + 1)
          problems.push(`"${text}" is cut off: ${button.scrollWidth} > ${button.clientWidth}`)
      }
    return problems
  })
}

/**
 * What the scan notice (`scan-refused`) covers of the front dialog: its title and every action
 * button it overlaps, by name; empty when it covers none (or is not shown). Without a dialog,
 * the page's headings.
 */
export async function scanNoticeCovers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const notice = document.querySelector('[data-testid="scan-refused"]')
    if (!notice || !notice.matches(':popover-open')) return []
    const n = notice.getBoundingClientRect()
    // The modal on top is the one its own centre hits (not the last in the page).
    const open = [...document.querySelectorAll<HTMLDialogElement>('dialog[open]')]
    const front =
      open.find((dialog) => {
        const r = dialog.getBoundingClientRect()
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
        return hit !== null && dialog.contains(hit)
      }) ?? open.at(-1)
    const guarded = front
      ? front.querySelectorAll<HTMLElement>(
          'h2, .dialog__title, .dialog__actions button, button[type="submit"], .approval > button'
        )
      : document.querySelectorAll<HTMLElement>('h1, h2')
    return [...guarded]
      .filter((el) => {
        const r = el.getBoundingClientRect()
        if (r.width === 0 || r.height === 0) return false
        return r.left < n.right && r.right > n.left && r.top < n.bottom && r.bottom > n.top
      })
      .map((el) => `${el.tagName.toLowerCase()} "${el.textContent?.trim()}" under the notice`)
  })
}
