import { useEffect, useState } from 'react'
import type { ApiOutput } from '../../../../core/api/contract'
import type { KindName } from '../../../../core/domain/recordKinds'
import { api } from '../../api/client'
import { useMutation } from '../../api/useMutation'
import { useQuery } from '../../api/useQuery'
import './advice.css'

type Advice = ApiOutput<'advice-get'>
type Timing = Advice['timing'][number]
type Candidate = Advice['republish']['candidates'][number]

const DEPENDS: KindName[] = ['channel', 'content']
/** The cool-down is a per-machine preference (settings `ui`), not team data: the schema has no field for it. */
const COOL_DOWN_KEY = 'advice.coolDownDays'
const DEFAULT_COOL_DOWN = 90

const pct = (lift: number): string => `${lift >= 1 ? '+' : '−'}${Math.abs(Math.round((lift - 1) * 100))} %`

/**
 * "When to post" and "Publish again" on the Priorities screen: advice from the team's own published
 * results (src/core/scoring/timingAdvice.ts and republish.ts), each line with the posts behind it.
 */
export function AdvicePanel() {
  const [coolDown, setCoolDown] = useState(DEFAULT_COOL_DOWN)
  const [draft, setDraft] = useState(String(DEFAULT_COOL_DOWN))
  useEffect(() => {
    let live = true
    void api.call('settings-get', {}).then((s) => {
      const saved = s.ui[COOL_DOWN_KEY]
      if (live && typeof saved === 'number' && Number.isInteger(saved) && saved >= 0 && saved <= 3650) {
        setCoolDown(saved)
        setDraft(String(saved))
      }
    })
    return () => {
      live = false
    }
  }, [])
  const { data, error } = useQuery('advice-get', { coolDownDays: coolDown }, { dependsOn: DEPENDS })
  const draftDays = Number(draft)
  const draftOk = draft.trim() !== '' && Number.isInteger(draftDays) && draftDays >= 0 && draftDays <= 3650

  const applyCoolDown = (): void => {
    if (!draftOk || draftDays === coolDown) return
    setCoolDown(draftDays)
    void api.call('settings-get', {}).then((s) => api.call('settings-update', { ui: { ...s.ui, [COOL_DOWN_KEY]: draftDays } }))
  }

  return (
    <div className="adv-grid" data-testid="advice-panel">
      <section className="card adv-card" aria-label="When to post">
        <h2 className="panel-title">When to post</h2>
        <p className="subtle adv-hint">
          From your own published results: a day or hour is named only when it beats the channel's typical post with 95 % confidence (checked across every
          day and hour tried), from at least 10 posts; a channel needs 30 published posts in the last two years.
        </p>
        {error !== undefined && (
          <p className="form-error" role="alert">
            Could not read the advice: {error.message}
          </p>
        )}
        {data === undefined ? <p className="subtle">{error === undefined ? 'Reading results…' : ''}</p> : <TimingTable rows={data.timing} />}
      </section>
      <section className="card adv-card" aria-label="Publish again">
        <h2 className="panel-title">Publish again</h2>
        <p className="subtle adv-hint">
          Evergreen items in the top quarter of their channel (engagements and clicks against the channel's typical post that quarter), last out at least the
          cool-down ago. Campaign pieces, product updates, culture posts and events are not evergreen unless the brief says #evergreen.
        </p>
        <div className="adv-inline">
          <label htmlFor="adv-cooldown">Cool-down</label>
          <input
            id="adv-cooldown"
            className="input adv-days"
            inputMode="numeric"
            value={draft}
            aria-invalid={!draftOk}
            aria-describedby="adv-cooldown-note"
            onChange={(e) => setDraft(e.target.value)}
            onBlur={applyCoolDown}
            onKeyDown={(e) => {
              if (e.key === 'Enter') applyCoolDown()
            }}
          />
          <span className="subtle">days</span>
          <span id="adv-cooldown-note" className={draftOk ? 'subtle adv-note' : 'form-error adv-note'}>
            {draftOk ? 'For every channel; remembered on this computer.' : 'Whole days from 0 to 3650.'}
          </span>
        </div>
        {data === undefined ? null : <RepublishList advice={data.republish} />}
      </section>
    </div>
  )
}

function TimingTable({ rows }: { rows: Timing[] }) {
  if (rows.length === 0) return <p className="muted">No published posts with reach yet.</p>
  return (
    // Scrolls on its own: focusable and named so a keyboard can reach and scroll it (#18).
    <div className="adv-table-wrap" tabIndex={0} role="region" aria-label="Best times to post">
      <table className="adv-table">
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col">Best times</th>
            <th scope="col" className="num">
              Posts
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.channelId} data-testid="timing-row">
              <td className="adv-channel">{t.channelName}</td>
              <td>
                {t.status === 'best-times' ? (
                  <div className="adv-chips">
                    {t.best.map((b) => (
                      <span key={b.label} className="badge badge-ok" title={`${b.posts} posts; reach ${pct(b.low)} to ${pct(b.high)} vs the typical post`}>
                        {b.label} {pct(b.lift)} · {b.posts} posts
                      </span>
                    ))}
                  </div>
                ) : (
                  <span className="muted">{t.status === 'not-enough-data' ? 'Not enough data' : 'No clear best time'}</span>
                )}
              </td>
              <td className="num">{t.posts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function RepublishList({ advice }: { advice: Advice['republish'] }) {
  const add = useMutation('advice-republish-add')
  const [added, setAdded] = useState<ReadonlyMap<string, string>>(new Map())
  const offer = async (c: Candidate): Promise<void> => {
    const r = await add.mutate({ itemId: c.itemId }).catch(() => undefined)
    if (r !== undefined) setAdded((m) => new Map(m).set(c.itemId, r.copyId))
  }
  return (
    <>
      {add.error !== undefined && (
        <p className="form-error" role="alert">
          {add.error.message}
        </p>
      )}
      {advice.candidates.length === 0 ? (
        <p className="muted">Nothing qualifies with a {advice.coolDownDays}-day cool-down.</p>
      ) : (
        <ul className="adv-list">
          {advice.candidates.map((c) => {
            const copy = c.copyId ?? added.get(c.itemId) ?? null
            return (
              <li key={c.itemId} className="adv-item" data-testid="republish-item">
                <div className="adv-item-text">
                  <div className="adv-title">{c.title}</div>
                  <div className="subtle adv-why">
                    {c.channelName} · {c.publishedOn} · {c.reason}
                  </div>
                </div>
                {copy === null ? (
                  <button type="button" className="btn adv-add" disabled={add.pending} onClick={() => void offer(c)}>
                    Add to backlog
                  </button>
                ) : (
                  <span className="badge badge-accent adv-added">In the backlog</span>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {advice.tooFewPosts.length > 0 && (
        <p className="subtle adv-hint">Too few published posts to rank: {advice.tooFewPosts.map((t) => `${t.channelName} (${t.posts})`).join(', ')}.</p>
      )}
    </>
  )
}
