/** The shell's and Settings' English strings. core-zh-CN.ts must have exactly the same keys (the type checks it). */
export const coreEn = {
  app: {
    name: 'Kassa',
    tagline: 'Point of sale & settlement',
    loading: 'Starting Kassa…'
  },
  nav: {
    label: 'Main navigation',
    sell: 'Sell',
    orders: 'Orders',
    settlement: 'Settlement',
    products: 'Products',
    coupons: 'Coupons',
    settings: 'Settings',
    users: 'Staff',
    profile: 'My profile'
  },
  language: {
    label: 'Language',
    'zh-CN': '中文',
    en: 'English'
  },
  comingSoon: {
    title: 'Coming soon',
    sell: 'Scan, build the cart, take payment and print the receipt — all from the keyboard.',
    orders: 'Every order of the day, searchable by number, amount and cashier, with reprints and refunds.',
    settlement: "Count the drawer, close the day and reconcile it against the payment providers' bills.",
    products: 'Your catalog: products, barcodes, prices, tax rates and CSV import.'
  },
  settings: {
    title: 'Store settings',
    subtitle: 'How your store appears on receipts, and the money rules every sale follows.',
    sectionStore: 'Store',
    sectionMoney: 'Money rules',
    storeName: 'Store name',
    currency: 'Currency',
    locale: 'Number and date format',
    rounding: 'Rounding',
    roundingHint: 'Applied once to each figure, never twice.',
    rounding_half_up: 'Half up (四舍五入)',
    rounding_half_even: "Half even (banker's)",
    taxMode: 'Shelf prices',
    taxMode_inclusive: 'Include tax (VAT inclusive)',
    taxMode_exclusive: 'Exclude tax (tax added at the till)',
    cashIncrement: 'Cash rounding',
    cashIncrementHint: 'Cash-only sales are rounded to this step; the difference is booked, never hidden.',
    cashIncrement_none: 'None — exact to the minor unit',
    cashRoundingMode: 'Round cash totals',
    cashRoundingModeHint: 'How a cash total meets the step. Refunds of such sales are rounded the same way.',
    cashRoundingMode_half_up: 'To the nearest step (四舍五入)',
    cashRoundingMode_down: 'Down, in the customer’s favour (抹零)',
    timeZone: 'Time zone',
    timeZoneFromHq:
      'Set by the head office for {{store}}: every till of the store keeps its business days in it.',
    timeZoneHint: 'Business days, hours and printed times follow it, whatever the computer’s clock says.',
    timeZoneConfirm: 'Change to {{zone}} anyway',
    scale: {
      title: 'Scale labels',
      hint: 'Labels printed by the shop scale (EAN-13 starting 20–29) carry the product’s scale code and its weight or price.',
      none: 'No layouts: scale labels are not read.',
      layoutName: 'Layout {{n}}',
      prefixes: 'Prefixes',
      content: 'Carries',
      content_weight: 'Weight (grams)',
      content_price: 'Price (fen)',
      itemDigits: 'Code digits',
      valueCheckDigit: 'Price check digit',
      pattern: 'Label pattern',
      remove: 'Remove {{name}}',
      add: 'Add a layout'
    },
    example: 'Example',
    save: 'Save settings',
    saving: 'Saving…',
    saved: 'Settings saved',
    discard: 'Discard changes',
    unsaved: 'Unsaved changes',
    loadFailed: 'Could not load the settings'
  },
  locales: {
    'zh-CN': 'Chinese (Mainland)',
    'zh-HK': 'Chinese (Hong Kong)',
    'zh-TW': 'Chinese (Taiwan)',
    'en-US': 'English (US)',
    'en-GB': 'English (UK)',
    'ja-JP': 'Japanese'
  },
  currencies: {
    CNY: 'Chinese yuan',
    HKD: 'Hong Kong dollar',
    USD: 'US dollar',
    EUR: 'Euro',
    GBP: 'Pound sterling',
    JPY: 'Japanese yen',
    KRW: 'South Korean won',
    KWD: 'Kuwaiti dinar',
    BHD: 'Bahraini dinar'
  },
  errors: {
    VALIDATION: 'Please check the highlighted field.',
    NOT_FOUND: 'Not found.',
    CONFLICT: 'That conflicts with existing data.',
    UNAUTHENTICATED: 'Please log in.',
    FORBIDDEN: 'You are not allowed to do that.',
    UNAVAILABLE: 'Not available right now.',
    INTERNAL: 'Something went wrong; nothing was saved.',
    import: {
      empty: 'The file is empty.',
      missingColumns: 'The file has no column {{columns}}. The first row must name the columns.',
      undecodable:
        'Line {{line}} has characters that cannot be read as {{encoding}}. Save the file as “CSV UTF-8” (or GBK) and try again.',
      notBase64: 'The file could not be read (its content is not base64). Choose the file again.',
      utf16NoBom: 'The file looks like UTF-16 text without a byte-order mark. Save it as “CSV UTF-8”.'
    },
    catalog: {
      checkDigit: 'The check digit should be {{expected}}: {{corrected}}',
      cellCount:
        'has $t(errors.catalog.cells, {"count": {{cells}} }) but the header has {{header}} — a comma inside a number? Quote the cell or use a decimal point.',
      // Main sends the count as `cells`: nesting gives it its plural.
      cells_one: '{{count}} cell',
      cells_other: '{{count}} cells',
      scaleCodeTakenBy: 'Scale code {{code}} already belongs to {{sku}}.'
    },
    scale: {
      checkDigit: 'The label was misread (its check digit should be {{expected}}). Scan it again.',
      valueCheckDigit:
        'The label’s price was misread (its check digit should be {{expected}}). Scan it again.',
      unknownItem: 'No product has scale item code {{itemCode}}.',
      notByWeight: '{{sku}} is sold by the piece, not by weight.',
      noWeight: 'The label carries no weight. Weigh the goods again.',
      priceMismatch:
        'The label’s price does not match {{sku}}’s price per kg at the till. The scale’s prices differ — weigh again.',
      largeQuantity: 'The label weighs {{quantity}} kg of {{name}}: confirm it.'
    },
    settings: {
      timeZoneFromHq: 'The time zone is set by the head office for {{store}}: change it there.',
      timeZoneAfterSales:
        'Sales were made in {{from}}. Moving to {{to}} moves them to other business days and hours.'
    },
    checkout: {
      implausibleTender:
        'Cash received {{tendered}} is more than {{limit}}. Was that a scan? Check and confirm.',
      weightMissing: '{{name}} is sold by the kg: enter its weight first.'
    },
    sync: {
      ownedByHq: {
        catalog:
          'This till is enrolled with {{store}}: products and categories are managed at the head office.',
        coupons: 'This till is enrolled with {{store}}: coupons are managed at the head office.',
        staff: 'This till is enrolled with {{store}}: staff are managed at the head office.'
      },
      couponAllotmentUsed: 'Coupon {{code}} is used up on this till (its share from the head office).',
      alreadyEnrolled: 'This till is already enrolled with a head office.',
      notEnrolled: 'This till is not enrolled with a head office.',
      shiftOpen: 'Close the open shift first: enrolling changes this till’s code.',
      badUrl: 'Enter the head office’s address, starting with http:// or https://.',
      badCode: 'Enter the 8 characters the head office printed, such as ABCD-EFGH.',
      enrolCodeInvalid: 'This code is unknown or was already used.',
      enrolCodeExpired: 'This code has expired: ask the head office for a new one.',
      unreachable: 'The head office cannot be reached: {{reason}}',
      refused: 'The head office refused: {{reason}}',
      unsyncedEvents_one: '{{count}} event has not reached the head office yet: sync first, or export it.',
      unsyncedEvents_other:
        '{{count}} events have not reached the head office yet: sync first, or export them.',
      keyMissing: 'This till’s sync key is missing: enrol it again.',
      keySealed: 'This till’s sync key cannot be opened on this computer.',
      unenrolShiftOpen:
        'Close the open shift first: its sales and its close must reach the head office before this till leaves it.',
      revoked: 'The head office revoked this till: it cannot enrol again. ({{reason}})',
      storeMismatch: 'This code is for another store: {{reason}}'
    },
    orders: {
      voidNonCash:
        'Part of this sale was paid by card, Alipay or WeChat Pay, so it cannot be voided. Refund the whole order instead: the money goes back the way it was paid.',
      voidNotToday: 'Only orders paid today can be voided; refund it instead.'
    },
    approval: {
      refundOrder:
        'Refunds on this order come to {{amountText}}, above {{limitText}}: a manager must approve.',
      refundShift:
        'Your refunds this shift come to {{amountText}}, above {{limitText}}: a manager must approve.',
      refundCash: 'Paying {{amountText}} out of the drawer for a refund needs a manager’s approval.',
      lineDiscount:
        'A discount of {{amountText}} is above the {{limitText}} a cashier may give: a manager must approve.'
    },
    approvals: {
      tooLarge: 'Must be at most {{limit}}.'
    },
    cart: {
      notYours: 'This cart belongs to another cashier: ask them to park it, then resume it here.',
      wholePieces: '{{name}} is sold by the piece: enter a whole number.',
      weightTooLarge:
        'Weight: one line of {{name}} holds at most {{limit}} kg; check the weight and enter it again.',
      piecesTooLarge:
        'Quantity: one line of {{name}} holds at most {{limit}} pieces; check it and enter it again.'
    }
  },
  damaged: {
    title: 'The shop database cannot be opened',
    body: 'Kassa stopped before changing anything, so nothing more can be lost. Restore the latest backup, or contact support.',
    file: 'Database file',
    backups: 'Backups are kept in the "backups" folder next to it.',
    reason: 'Reason'
  }
}
