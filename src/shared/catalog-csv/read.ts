import Papa from 'papaparse'
import { CATALOG_CSV_COLUMNS, type CatalogCsvColumn } from '@shared/contract'
import { FieldError } from '../money/field-error'
import { refuseReplacementCharacters } from './decode'

/** One data row of a products CSV, with the line it starts on (the header is line 1). */
export interface CsvRow {
  line: number
  cells: Record<CatalogCsvColumn, string>
  /** How many cells the row has, and how many the header has: a row that differs is refused. */
  cellCount: number
  headerCount: number
  /** The columns the header names: a column left out keeps what the product has (`scale_code`). */
  present: ReadonlySet<CatalogCsvColumn>
}

export const REQUIRED_COLUMNS: readonly CatalogCsvColumn[] = [
  'sku',
  'name_zh',
  'name_en',
  'price',
  'tax_rate'
]

/** `Tax rate`, `tax-rate` and `TAX_RATE` all name the column `tax_rate`. */
function columnName(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
}

/**
 * Reads a products CSV's text (decoded by `decodeCsvBytes`; a BOM is dropped; comma, semicolon or tab
 * separated) into rows with their line numbers and cell counts (a row whose count differs from the
 * header's is refused by `planImport`: a decimal comma shifts every cell after it). Quoted cells may span lines, so a row's line is counted from the
 * text, not from its index. Blank rows are skipped. A file without the required columns is refused as
 * a whole (a `FieldError` on `csv`, naming the missing column). Shared by the till's import and
 * the head office's, so both refuse the same files.
 */
export function readCatalogCsv(text: string): CsvRow[] {
  refuseReplacementCharacters(text, 'UTF-8')
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const records: Array<{ data: string[]; line: number }> = []
  let counted = 0
  let line = 1
  let start = 0
  Papa.parse<string[]>(source, {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: false,
    step(result) {
      // Count the line breaks up to where this row starts.
      for (; counted < start; counted++) if (source.charCodeAt(counted) === 10) line++
      records.push({ data: result.data, line })
      start = result.meta.cursor
      // Step past the row's line break, so the next row starts on the next line.
      while (start < source.length && (source.charCodeAt(start) === 13 || source.charCodeAt(start) === 10)) {
        if (source.charCodeAt(start) === 10) {
          start++
          break
        }
        start++
      }
    }
  })

  const header = records.shift()
  if (!header || header.data.every((cell) => cell.trim() === ''))
    throw new FieldError('csv', 'the file is empty', { key: 'errors.validation.fileEmpty' })
  const index = new Map<string, number>()
  header.data.forEach((cell, i) => {
    const name = columnName(cell)
    if (!index.has(name)) index.set(name, i)
  })
  const missing = REQUIRED_COLUMNS.filter((column) => !index.has(column))
  if (missing.length > 0) {
    throw new FieldError(
      'csv',
      `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (the header must name ${CATALOG_CSV_COLUMNS.join(', ')})`,
      {
        key: 'errors.catalog.missingColumns',
        params: { missing: missing.join(', '), columns: CATALOG_CSV_COLUMNS.join(', ') }
      }
    )
  }

  const present = new Set(CATALOG_CSV_COLUMNS.filter((column) => index.has(column)))
  const rows: CsvRow[] = []
  for (const record of records) {
    if (record.data.every((cell) => cell.trim() === '')) continue
    const cells = {} as Record<CatalogCsvColumn, string>
    for (const column of CATALOG_CSV_COLUMNS) {
      const at = index.get(column)
      cells[column] = at === undefined ? '' : (record.data[at] ?? '').trim()
    }
    rows.push({
      line: record.line,
      cells,
      cellCount: record.data.length,
      headerCount: header.data.length,
      present
    })
  }
  return rows
}

/** CSV text in the import format, with a BOM so spreadsheet programs read the Chinese names as UTF-8. */
export function writeCatalogCsv(rows: ReadonlyArray<Record<CatalogCsvColumn, string>>): string {
  return `\ufeff${Papa.unparse({ fields: [...CATALOG_CSV_COLUMNS], data: rows.map((row) => CATALOG_CSV_COLUMNS.map((c) => row[c])) }, { newline: '\r\n' })}\r\n`
}
