/** The file is not a healthy SQLite database; the app shows a recovery screen instead of crashing. */
export class DatabaseDamagedError extends Error {
  constructor(
    message: string,
    readonly file: string
  ) {
    super(message)
    this.name = 'DatabaseDamagedError'
  }
}

/** The file was written by a newer Kassa; opening it with this one could lose data. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly knownVersion: number
  ) {
    super(
      `The database is from a newer Kassa (schema ${fileVersion}; this version knows up to ${knownVersion}).`
    )
    this.name = 'DatabaseTooNewError'
  }
}
