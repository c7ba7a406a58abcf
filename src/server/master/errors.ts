/**
 * A refusal of a master-data change a person can meet at the head office: the web API's error shape
 * (`code`, English `message`, `field`, key `errors.hq.master.<name>`, `params`). Thrown inside the
 * publishing transaction, so nothing of the refused change is written.
 */
export class MasterDataError extends Error {
  override readonly name = 'MasterDataError'

  constructor(
    readonly code: 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN',
    message: string,
    readonly field: string | undefined,
    readonly key: string,
    readonly params?: Record<string, string | number>
  ) {
    super(message)
  }
}

/** `errors.hq.master.<name>` with its English text. */
export const refuse = (
  code: MasterDataError['code'],
  field: string | undefined,
  name: string,
  message: string,
  params?: Record<string, string | number>
): MasterDataError => new MasterDataError(code, message, field, `errors.hq.master.${name}`, params)
