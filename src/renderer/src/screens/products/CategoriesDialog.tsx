import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Plus } from 'lucide-react'
import type { Category } from '@shared/contract'
import { ApiCallError, apiErrorOf, call } from '../../api/client'
import { Dialog } from '../../components/Dialog'
import { TextField } from '../../components/TextField'
import { useProductsStore } from '../../stores/products-store'
import { TableHead } from '../../components/TableHead'
import { useErrorText } from '../../i18n/error-text'
import type { ApiError } from '@shared/contract'

interface Draft {
  code: string
  nameZh: string
  nameEn: string
}

const EMPTY: Draft = { code: '', nameZh: '', nameEn: '' }

/** Categories for the catalog and the Sell screen's chips: add, rename, take off the till. */
export function CategoriesDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const categories = useProductsStore((s) => s.categories)
  const loadCategories = useProductsStore((s) => s.loadCategories)
  const [editing, setEditing] = useState<{ id: string | null; draft: Draft } | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const errorText = useErrorText()

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (!editing) return
    const draft = {
      code: editing.draft.code.trim(),
      nameZh: editing.draft.nameZh.trim(),
      nameEn: editing.draft.nameEn.trim()
    }
    try {
      if (editing.id) await call('catalog:update-category', { id: editing.id, ...draft })
      else await call('catalog:create-category', draft)
      setEditing(null)
      setError(null)
      await loadCategories()
    } catch (caught) {
      if (caught instanceof ApiCallError) setError(apiErrorOf(caught))
    }
  }

  const toggle = async (category: Category): Promise<void> => {
    if (category.active) await call('catalog:deactivate-category', { id: category.id })
    else await call('catalog:update-category', { id: category.id, active: true })
    await loadCategories()
  }

  const errorFor = (field: keyof Draft): string | undefined =>
    error?.field === field ? errorText(error, { beside: true }) : undefined
  const set = (patch: Partial<Draft>): void =>
    setEditing((e) => (e ? { ...e, draft: { ...e.draft, ...patch } } : e))

  return (
    <Dialog title={t('catalog.categoryAdmin.title')} open onClose={onClose} size="wide">
      <table className="table card-table">
        <TableHead
          columns={[
            { label: t('catalog.categoryAdmin.code') },
            { label: t('catalog.categoryAdmin.nameZh') },
            { label: t('catalog.categoryAdmin.nameEn') },
            { label: t('catalog.categoryAdmin.products'), numeric: true },
            { label: t('catalog.categoryAdmin.actions'), hidden: true }
          ]}
        />
        <tbody>
          {categories.map((category) => (
            <tr key={category.id} className={category.active ? undefined : 'is-inactive'}>
              <th scope="row">{category.code}</th>
              <td lang="zh-CN">{category.nameZh}</td>
              <td>{category.nameEn}</td>
              <td className="num">{category.productCount}</td>
              <td>
                <div className="row-actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('catalog.categoryAdmin.rename', { name: category.nameEn })}
                    onClick={() =>
                      setEditing({
                        id: category.id,
                        draft: { code: category.code, nameZh: category.nameZh, nameEn: category.nameEn }
                      })
                    }
                  >
                    {t('catalog.categoryAdmin.edit')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t(
                      category.active
                        ? 'catalog.categoryAdmin.deactivateNamed'
                        : 'catalog.categoryAdmin.activateNamed',
                      {
                        name: category.nameEn
                      }
                    )}
                    onClick={() => void toggle(category)}
                  >
                    {category.active
                      ? t('catalog.categoryAdmin.deactivate')
                      : t('catalog.categoryAdmin.activate')}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {editing ? (
        <form className="category-form" onSubmit={(event) => void save(event)} noValidate>
          <TextField
            label={t('catalog.categoryAdmin.code')}
            error={errorFor('code')}
            value={editing.draft.code}
            onChange={(code) => set({ code })}
          />
          <TextField
            label={t('catalog.categoryAdmin.nameZh')}
            error={errorFor('nameZh')}
            lang="zh-CN"
            value={editing.draft.nameZh}
            onChange={(nameZh) => set({ nameZh })}
          />
          <TextField
            label={t('catalog.categoryAdmin.nameEn')}
            error={errorFor('nameEn')}
            value={editing.draft.nameEn}
            onChange={(nameEn) => set({ nameEn })}
          />
          {error && !error.field && (
            <p className="field__error" role="alert">
              {errorText(error)}
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" className="button button--ghost" onClick={() => setEditing(null)}>
              {t('catalog.categoryAdmin.cancel')}
            </button>
            <button type="submit" className="button button--primary">
              {t('catalog.categoryAdmin.save')}
            </button>
          </div>
        </form>
      ) : (
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => setEditing({ id: null, draft: EMPTY })}>
            <Plus aria-hidden="true" size={20} /> {t('catalog.categoryAdmin.add')}
          </button>
          <button type="button" className="button button--primary" onClick={onClose}>
            {t('catalog.categoryAdmin.done')}
          </button>
        </div>
      )}
    </Dialog>
  )
}
