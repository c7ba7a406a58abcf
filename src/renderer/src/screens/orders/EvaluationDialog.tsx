import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Star } from 'lucide-react'
import type { ChannelOutput } from '@shared/contract'
import { apiErrorOf, call } from '../../api/client'
import { useErrorText } from '../../i18n/error-text'
import { Dialog } from '../../components/Dialog'
import { formIssue } from '../../lib/form-issues'

type Lines = ChannelOutput<'evaluations:for-order'>['lines']

/**
 * A customer's rating of what they bought: 1–5 stars and a comment per line, at the counter
 * or later from the history. One per line; unpaid and refunded lines say why they cannot be rated.
 * Save is never grey: pressed before a star is picked it says so beside the stars
 * (`errors.form.chooseRating` on `rating`), until one is.
 */
export function EvaluationDialog({
  orderId,
  number,
  onClose
}: {
  orderId: string
  number: string
  onClose: () => void
}) {
  const { t, i18n } = useTranslation()
  const [lines, setLines] = useState<Lines | null>(null)
  const [drafts, setDrafts] = useState<Record<string, { rating: number; comment: string }>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  // Lines whose Save was pressed with no star picked.
  const [unrated, setUnrated] = useState<ReadonlySet<string>>(new Set())
  const errorText = useErrorText()

  useEffect(() => {
    void call('evaluations:for-order', { orderId }).then((result) => setLines(result.lines))
  }, [orderId])

  const save = async (lineId: string): Promise<void> => {
    const draft = drafts[lineId]
    if (!draft || draft.rating === 0) {
      setUnrated((current) => new Set(current).add(lineId))
      return
    }
    try {
      const saved = await call('evaluations:save', {
        orderId,
        lineId,
        rating: draft.rating,
        ...(draft.comment.trim() ? { comment: draft.comment.trim() } : {})
      })
      setLines(
        (current) =>
          current?.map((line) => (line.lineId === lineId ? { ...line, evaluation: saved } : line)) ?? null
      )
      setErrors(({ [lineId]: _, ...rest }) => rest)
    } catch (caught) {
      setErrors((current) => ({
        ...current,
        [lineId]: errorText(apiErrorOf(caught), { beside: true })
      }))
    }
  }

  return (
    <Dialog title={t('evaluations.title', { number })} open onClose={onClose} size="wide">
      <p className="muted">{t('evaluations.intro')}</p>
      <ul className="evaluations">
        {(lines ?? []).map((line) => {
          const name = i18n.language === 'en' ? (line.nameEn ?? line.name) : line.name
          const draft = drafts[line.lineId] ?? { rating: 0, comment: '' }
          const given = line.evaluation
          const ratingError = unrated.has(line.lineId)
            ? errorText(formIssue('rating', 'chooseRating'), { beside: true })
            : undefined
          const ratingErrorId = `rating-error-${line.lineId}`
          return (
            <li key={line.lineId} className="evaluation">
              <p className="evaluation__name">{name}</p>
              {line.refusal ? (
                <p className="muted">{t(`evaluations.refusal.${line.refusal}`)}</p>
              ) : (
                <>
                  <div
                    role="radiogroup"
                    aria-label={t('evaluations.ratingLabel', { name })}
                    aria-invalid={ratingError ? true : undefined}
                    aria-describedby={ratingError ? ratingErrorId : undefined}
                    className={`stars${ratingError ? ' stars--invalid' : ''}`}
                  >
                    {[1, 2, 3, 4, 5].map((value) => {
                      const shown = given ? given.rating : draft.rating
                      return (
                        <button
                          key={value}
                          type="button"
                          role="radio"
                          aria-checked={shown === value}
                          aria-label={t('evaluations.stars', { count: value })}
                          className={`star${value <= shown ? ' is-on' : ''}`}
                          disabled={given !== null}
                          onClick={() => {
                            setDrafts({ ...drafts, [line.lineId]: { ...draft, rating: value } })
                            setUnrated((current) => {
                              const next = new Set(current)
                              next.delete(line.lineId)
                              return next
                            })
                          }}
                        >
                          <Star aria-hidden="true" size={30} />
                        </button>
                      )
                    })}
                  </div>
                  {ratingError && (
                    <p id={ratingErrorId} className="field__error" role="alert">
                      {ratingError}
                    </p>
                  )}
                  {given ? (
                    <p className="evaluation__saved">
                      {t('evaluations.saved')}
                      {given.comment ? ` — “${given.comment}”` : ''}
                    </p>
                  ) : (
                    <div className="evaluation__form">
                      <label className="visually-hidden" htmlFor={`comment-${line.lineId}`}>
                        {t('evaluations.comment')}
                      </label>
                      <input
                        id={`comment-${line.lineId}`}
                        className="input"
                        placeholder={t('evaluations.comment')}
                        value={draft.comment}
                        maxLength={500}
                        onChange={(event) =>
                          setDrafts({ ...drafts, [line.lineId]: { ...draft, comment: event.target.value } })
                        }
                      />
                      <button
                        type="button"
                        className="button button--primary"
                        onClick={() => void save(line.lineId)}
                      >
                        {t('evaluations.save')}
                      </button>
                    </div>
                  )}
                  {errors[line.lineId] && (
                    <p className="field__error" role="alert">
                      {errors[line.lineId]}
                    </p>
                  )}
                </>
              )}
            </li>
          )
        })}
      </ul>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('evaluations.close')}
        </button>
      </div>
    </Dialog>
  )
}
