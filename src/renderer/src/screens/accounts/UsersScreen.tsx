import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ShieldCheck, UserPlus } from 'lucide-react'
import { ScreenHeader } from '../../components/ScreenHeader'
import {
  ACCOUNT_MESSAGES,
  ROLES,
  passwordProblem,
  type ApiError,
  type AuditChainStatus,
  type Role,
  type SecuritySettings,
  type User
} from '@shared/contract'
import { ApiCallError, call } from '../../api/client'
import { fieldRefusal, zodRefusal } from '@shared/contract/error-reasons'
import { newUserSchema } from '@shared/contract/channels/auth'
import { userUpdateSchema } from '@shared/contract/channels/users'
import type { z } from 'zod'
import { TextField } from '../../components/TextField'
import { Field } from '../../components/Field'
import { fieldError, useErrorText } from '../../i18n/error-text'
import { useAuthStore } from '../../stores/auth-store'
import { TableHead } from '../../components/TableHead'
import { useScreenTime } from '../../lib/store-time'

const toError = (error: unknown): ApiError =>
  error instanceof ApiCallError ? error.error : { code: 'INTERNAL', message: String(error) }

interface Draft {
  id: string | null
  displayName: string
  username: string
  role: Role
  password: string
  pin: string
}

const EMPTY: Draft = { id: null, displayName: '', username: '', role: 'cashier', password: '', pin: '' }

/**
 * What saving the form sends — checked on the till first, then sent as checked: a new user's
 * `users:create` input, or an edited one's `users:update` (a blank password or PIN is left as it is).
 */
function inputOf(
  draft: Draft
):
  | { create: z.input<typeof newUserSchema>; update?: undefined }
  | { create?: undefined; update: z.input<typeof userUpdateSchema> } {
  const fields = { displayName: draft.displayName, username: draft.username, role: draft.role }
  if (draft.id === null) return { create: { ...fields, password: draft.password, pin: draft.pin } }
  return {
    update: {
      id: draft.id,
      ...fields,
      ...(draft.password ? { password: draft.password } : {}),
      ...(draft.pin ? { pin: draft.pin } : {})
    }
  }
}

/** Staff (owner only): add, edit, deactivate; and the till's locking rules. */
export function UsersScreen() {
  const { t } = useTranslation()
  const screenTime = useScreenTime()
  const errorText = useErrorText()
  const me = useAuthStore((s) => s.status?.user)
  const [users, setUsers] = useState<User[] | null>(null)
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  // Every field's problem at once (username, PIN, password…), found by the contract's own schema.
  const [issues, setIssues] = useState<ApiError[]>([])
  const [notice, setNotice] = useState('')
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    try {
      setUsers(await call('users:list', {}))
      setLoadError(null)
    } catch (e) {
      setLoadError(toError(e))
    }
  }, [])
  useEffect(() => {
    void call('users:list', {}).then(setUsers, (e: unknown) => setLoadError(toError(e)))
  }, [])

  const allowed = me?.permissions.includes('users-manage') ?? false
  if (!allowed || loadError?.code === 'FORBIDDEN') {
    return (
      <section className="screen" aria-labelledby="users-title">
        <h1 id="users-title" className="screen__title">
          {t('accounts.users.title')}
        </h1>
        <p role="alert" className="users-forbidden">
          {t('accounts.users.forbidden')}
        </p>
      </section>
    )
  }

  const err = (field: string): string | undefined => {
    const found = issues.find((issue) => issue.field === field) ?? fieldError(error, field)
    return found ? errorText(found) : undefined
  }
  /** Edits the draft; a field changed is no longer wrong until the next save says so. */
  const change = (patch: Partial<Draft>): void => {
    if (!draft) return
    setDraft({ ...draft, ...patch })
    setIssues((found) => found.filter((issue) => !(issue.field && issue.field in patch)))
  }
  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (!draft) return
    setError(null)
    const sent = inputOf(draft)
    const parsed = sent.create
      ? newUserSchema.safeParse(sent.create)
      : userUpdateSchema.safeParse(sent.update)
    // The password rule is main's (`passwordProblem`, shared): checked here too, so it is said with the rest.
    const weak = draft.id === null || draft.password ? passwordProblem(draft.password, draft.username) : null
    const found = [
      ...(parsed.success ? [] : parsed.error.issues.map((issue) => zodRefusal(issue))),
      ...(weak ? [fieldRefusal('password', ACCOUNT_MESSAGES[weak], { key: `errors.accounts.${weak}` })] : [])
    ].filter((issue, i, all) => all.findIndex((other) => other.field === issue.field) === i)
    setIssues(found)
    if (found.length > 0) return
    setBusy(true)
    try {
      if (sent.create) {
        const created = await call('users:create', sent.create)
        setNotice(t('accounts.users.created', { name: created.displayName }))
      } else {
        await call('users:update', sent.update)
        setNotice(t('accounts.users.saved'))
      }
      setDraft(null)
      await load()
    } catch (e) {
      setError(toError(e))
    } finally {
      setBusy(false)
    }
  }
  const setActive = async (user: User, active: boolean): Promise<void> => {
    setError(null)
    setNotice('')
    try {
      await call('users:update', { id: user.id, active })
      setNotice(t('accounts.users.saved'))
      await load()
    } catch (e) {
      setError(toError(e))
    }
  }
  const time = (iso: string): string => screenTime(iso, { timeStyle: 'short' })

  return (
    <section className="screen" aria-labelledby="users-title">
      <ScreenHeader
        titleId="users-title"
        title={t('accounts.users.title')}
        subtitle={t('accounts.users.subtitle')}
      >
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            setDraft({ ...EMPTY })
            setError(null)
            setIssues([])
            setNotice('')
          }}
        >
          <UserPlus aria-hidden="true" size={20} /> {t('accounts.users.add')}
        </button>
      </ScreenHeader>

      <div role="status" aria-live="polite" className="screen__notice">
        {notice && <span className="status status--ok">{notice}</span>}
        {error && !draft && <span className="status status--error">{errorText(error)}</span>}
      </div>

      {draft && (
        <form
          className="card user-form"
          onSubmit={(e) => void save(e)}
          noValidate
          aria-labelledby="user-form-title"
        >
          <h2 id="user-form-title" className="card__title">
            {draft.id
              ? t('accounts.users.editTitle', { name: draft.displayName })
              : t('accounts.users.newTitle')}
          </h2>
          <div className="user-form__grid">
            <TextField
              label={t('accounts.fields.displayName')}
              error={err('displayName')}
              autoFocus
              value={draft.displayName}
              onChange={(value) => change({ displayName: value })}
            />
            <TextField
              label={t('accounts.fields.username')}
              hint={t('accounts.fields.usernameHint')}
              error={err('username')}
              autoCapitalize="off"
              autoComplete="off"
              value={draft.username}
              onChange={(value) => change({ username: value })}
            />
            <Field label={t('accounts.fields.role')} error={err('role')}>
              {(props) => (
                <select
                  {...props}
                  className="input"
                  value={draft.role}
                  onChange={(e) => change({ role: e.target.value as Role })}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`accounts.roles.${role}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <TextField
              label={t('accounts.fields.password')}
              hint={draft.id ? t('accounts.users.keepBlank') : t('accounts.fields.passwordHint')}
              error={err('password')}
              type="password"
              autoComplete="new-password"
              value={draft.password}
              onChange={(value) => change({ password: value })}
            />
            <TextField
              label={t('accounts.fields.pin')}
              hint={draft.id ? t('accounts.users.keepBlank') : t('accounts.fields.pinHint')}
              error={err('pin')}
              className="input input--pin"
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={6}
              value={draft.pin}
              onChange={(value) => change({ pin: value.replace(/\D/g, '') })}
            />
          </div>
          <div className="form-actions form-actions--inline">
            <div className="form-actions__status" role="status">
              {error &&
                !['displayName', 'username', 'role', 'password', 'pin'].includes(error.field ?? '') && (
                  <span className="status status--error">{errorText(error)}</span>
                )}
            </div>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                setDraft(null)
                setError(null)
                setIssues([])
              }}
            >
              {t('accounts.users.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={busy}>
              {draft.id ? t('accounts.users.save') : t('accounts.users.create')}
            </button>
          </div>
        </form>
      )}

      <table className="users-table" aria-label={t('accounts.users.listLabel')}>
        <TableHead
          columns={[
            { label: t('accounts.users.columns.name') },
            { label: t('accounts.users.columns.username') },
            { label: t('accounts.users.columns.role') },
            { label: t('accounts.users.columns.status') },
            { label: t('accounts.users.columns.actions') }
          ]}
        />
        <tbody>
          {(users ?? []).map((user) => (
            <tr key={user.id} className={user.active ? undefined : 'users-table__row--muted'}>
              <td>
                {user.displayName}{' '}
                {user.id === me?.id && <span className="users-tag">{t('accounts.users.you')}</span>}
              </td>
              <td>
                <code>{user.username}</code>
              </td>
              <td>{t(`accounts.roles.${user.role}`)}</td>
              <td>
                {user.active ? t('accounts.users.active') : t('accounts.users.inactive')}
                {user.lockedUntil && (
                  <div className="status status--error">
                    {t('accounts.users.lockedOut', { time: time(user.lockedUntil) })}
                  </div>
                )}
              </td>
              <td className="users-table__actions">
                <button
                  type="button"
                  className="button button--ghost button--small"
                  aria-label={t('accounts.users.edit', { name: user.displayName })}
                  onClick={() => {
                    setError(null)
                    setIssues([])
                    setNotice('')
                    setDraft({
                      id: user.id,
                      displayName: user.displayName,
                      username: user.username,
                      role: user.role,
                      password: '',
                      pin: ''
                    })
                  }}
                >
                  {t('accounts.users.editButton')}
                </button>
                {user.id !== me?.id && (
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    aria-label={`${user.active ? t('accounts.users.deactivate') : t('accounts.users.reactivate')} ${user.displayName}`}
                    onClick={() => void setActive(user, !user.active)}
                  >
                    {user.active ? t('accounts.users.deactivate') : t('accounts.users.reactivate')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <SecurityCard />
    </section>
  )
}

function SecurityCard() {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const [settings, setSettings] = useState<SecuritySettings | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [saved, setSaved] = useState(false)
  const [audit, setAudit] = useState<AuditChainStatus | null>(null)

  useEffect(() => {
    void call('security:get', {}).then(setSettings, (e: unknown) => setError(toError(e)))
  }, [])
  if (!settings) return null

  const number = (key: keyof SecuritySettings, label: string) => (
    <TextField
      label={label}
      error={fieldError(error, key) ? errorText(error) : undefined}
      className="input input--number"
      type="number"
      inputMode="numeric"
      value={String(settings[key])}
      onChange={(value) => {
        setSaved(false)
        setSettings({ ...settings, [key]: Number(value) })
      }}
    />
  )
  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setError(null)
    try {
      setSettings(await call('security:update', settings))
      setSaved(true)
    } catch (e) {
      setError(toError(e))
    }
  }
  return (
    <div className="users-bottom">
      <form className="card" onSubmit={(e) => void save(e)} noValidate aria-labelledby="security-title">
        <h2 id="security-title" className="card__title">
          {t('accounts.users.security')}
        </h2>
        {number('idleLockMinutes', t('accounts.users.idleLockMinutes'))}
        {number('maxFailedAttempts', t('accounts.users.maxFailedAttempts'))}
        {number('lockoutMinutes', t('accounts.users.lockoutMinutes'))}
        <div className="form-actions form-actions--inline">
          <div className="form-actions__status" role="status">
            {saved && <span className="status status--ok">{t('accounts.users.securitySaved')}</span>}
          </div>
          <button type="submit" className="button button--primary">
            {t('accounts.users.saveSecurity')}
          </button>
        </div>
      </form>
      <div className="card">
        <button
          type="button"
          className="button button--ghost"
          onClick={() => void call('audit:verify', {}).then(setAudit)}
        >
          <ShieldCheck aria-hidden="true" size={20} /> {t('accounts.audit.check')}
        </button>
        <p role="status" className={audit && !audit.ok ? 'status status--error' : 'status status--ok'}>
          {audit &&
            (audit.ok
              ? t('accounts.audit.ok', { count: audit.entries })
              : t('accounts.audit.broken', { seq: audit.brokenAtSeq, reason: audit.reason }))}
        </p>
      </div>
    </div>
  )
}
