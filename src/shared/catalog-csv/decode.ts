import { FieldError } from '../money/field-error'

/** The encodings a products CSV may arrive in, as detected. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'

const REPLACEMENT = '\ufffd'

/** The 1-based line of the character at `index` in `text`. */
function lineAt(text: string, index: number): number {
  let line = 1
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/**
 * Refuses text holding U+FFFD (the replacement character a decoder puts where bytes could not be
 * read): stored, it would turn 可口可乐 into ���� with nobody told. Throws a `FieldError` on `csv`,
 * key `errors.import.undecodable` with the line.
 */
export function refuseReplacementCharacters(text: string, encoding: string): void {
  const at = text.indexOf(REPLACEMENT)
  if (at < 0) return
  const line = lineAt(text, at)
  throw new FieldError(
    'csv',
    `line ${line} has characters that cannot be read as ${encoding} (save the file as UTF-8 CSV, or as GB18030/GBK)`,
    { key: 'errors.import.undecodable', params: { line, encoding } }
  )
}

/**
 * Which encoding a CSV file's bytes are in. A byte-order mark decides (UTF-8 as Excel's "CSV UTF-8",
 * UTF-16 as its "Unicode text"); without one, bytes that are valid UTF-8 are UTF-8, and anything else
 * is GB18030 — the superset of GBK and GB2312 that Chinese Excel writes as "CSV". UTF-16 without a BOM
 * (NUL bytes between ASCII letters) is refused: no spreadsheet program writes it and guessing its byte
 * order could silently swap every character.
 */
export function detectCsvEncoding(bytes: Uint8Array): CsvEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  if (bytes.includes(0)) {
    throw new FieldError(
      'csv',
      'the file looks like UTF-16 text without a byte-order mark; save it as UTF-8 CSV',
      { key: 'errors.import.utf16NoBom' }
    )
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return 'utf-8'
  } catch {
    return 'gb18030'
  }
}

/**
 * Decodes a products CSV file's bytes to text, whatever of UTF-8 (with or without BOM), UTF-16 (with
 * BOM) or GB18030/GBK it is in; the BOM is dropped. A file that cannot be read without replacement
 * characters is refused naming the first line that holds one (`FieldError` on `csv`). WHATWG's
 * `TextDecoder` (Node's ICU, or the browser's) does the decoding, so the till and the head office
 * read a file alike.
 *
 * @example decodeCsvBytes(gbkBytesOf('sku\n可口可乐')) // { text: 'sku\n可口可乐', encoding: 'gb18030' }
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const encoding = detectCsvEncoding(bytes)
  // The decoder drops a BOM of its own encoding (ignoreBOM: false, the default).
  const text = new TextDecoder(encoding).decode(bytes)
  refuseReplacementCharacters(text, encoding === 'gb18030' ? 'GB18030/GBK' : encoding.toUpperCase())
  return { text, encoding }
}

/** The bytes of standard base64 text (`atob`, in Node and in browsers alike). */
function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * The text of a CSV as the contract sends it: `text` as it is (still refused if it holds U+FFFD),
 * `base64` decoded from the file's bytes by `decodeCsvBytes`.
 */
export function csvSourceText(csv: string, encoding: 'text' | 'base64'): string {
  if (encoding === 'text') return csv
  let bytes: Uint8Array
  try {
    bytes = base64Bytes(csv)
  } catch {
    throw new FieldError('csv', 'is not base64', { key: 'errors.import.notBase64' })
  }
  return decodeCsvBytes(bytes).text
}
