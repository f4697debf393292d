import { useId, useMemo, useRef, useState } from 'react'
import { defaultConvention } from '../../../../core/domain/linkConvention'
import { buildLink, proposeUtm } from '../../../../core/links/buildLink'
import { checkUtm, type LinkIssue } from '../../../../core/links/checkLink'
import { emptyUtm, parseTrackedUrl, utmKeys, type UtmKey, type UtmValues } from '../../../../core/links/trackedUrl'
import type { Platform } from '../../../../core/links/platform'
import { ApiError } from '../../api/ApiError'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'
import { useRecords } from '../../api/useRecords'
import { announce } from '../../shell/announce'
import './links.css'
import { copyText } from './copyText'

export type LinkItem = { id: string; title: string; channelId: string | null; campaignId: string | null; trackingUrl: string }

const labels: Record<UtmKey, string> = { source: 'Source', medium: 'Medium', campaign: 'Campaign', content: 'Content', term: 'Term' }
const helps: Record<UtmKey, string> = {
  source: 'Where the visit comes from (utm_source)',
  medium: 'The kind of traffic (utm_medium)',
  campaign: 'Our campaign (utm_campaign)',
  content: 'Which post or ad (utm_content)',
  term: 'Optional keyword (utm_term)'
}

/**
 * The tracked-link builder of one content item (issue #15 item 3): base page + UTM parameters proposed
 * from the item's channel, campaign and title, checked against the team's convention as you type (the
 * pure check from core/links, the same one the backend runs), then copied or saved to the item.
 */
export function LinkBuilder({ item }: { item: LinkItem }) {
  const id = useId()
  const conv = useQuery('link-convention-get', {})
  const channels = useRecords('channel')
  const convention = conv.data?.convention ?? defaultConvention
  const campaigns = conv.data?.campaigns ?? []
  const channel = channels.data?.items.find((c) => c.id === item.channelId)
  const campaign = campaigns.find((c) => c.id === item.campaignId)
  const proposal = (): UtmValues =>
    proposeUtm({ baseUrl: '', title: item.title, platform: (channel?.platform ?? null) as Platform | null, channelName: channel?.name ?? null, campaignName: campaign?.name ?? null }, convention)
  const saved = useMemo(() => (item.trackingUrl === '' ? null : parseTrackedUrl(item.trackingUrl)), [item.trackingUrl])
  const [base, setBase] = useState(saved?.ok === true ? saved.link.base : '')
  // Until the person types, the values follow the item (its channel and campaign load a moment later).
  const [typed, setTyped] = useState<UtmValues | null>(saved?.ok === true ? saved.link.utm : null)
  const utm = typed ?? (conv.data && channels.data ? proposal() : emptyUtm)
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null)
  const output = useRef<HTMLInputElement>(null)

  const built = base.trim() === '' ? null : buildLink(base, utm)
  const issues: LinkIssue[] = checkUtm(utm, convention, campaigns.map((c) => c.slug))
  const baseError = base.trim() === '' ? null : built?.ok === false ? built.message : null
  const url = built?.ok === true ? built.url : ''
  const set = (k: UtmKey, v: string) => setTyped({ ...utm, [k]: v })

  const copy = async () => {
    if (url === '') return
    const how = await copyText(url, output.current)
    const text = how === 'clipboard' ? 'Link copied' : 'The link is selected: press Ctrl+C (⌘C on a Mac) to copy it'
    setNote({ text, tone: 'ok' })
    announce(text)
  }

  const save = async () => {
    if (url === '' || busy) return
    setBusy(true)
    try {
      const r = await api.call('link-save', { url, contentId: item.id })
      const text = r.issues.length === 0 ? 'Link saved to the item' : `Link saved to the item; it breaks the convention in ${r.issues.length} ${r.issues.length === 1 ? 'place' : 'places'}`
      setNote({ text, tone: 'ok' })
      announce(text)
    } catch (e) {
      const text = e instanceof ApiError || e instanceof Error ? e.message : String(e)
      setNote({ text, tone: 'error' })
      announce(text, 'assertive')
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="link-builder" aria-labelledby={`${id}-h`} data-testid="link-builder">
      <h3 id={`${id}-h`} className="sharing-h">
        Tracked link
      </h3>
      <div className="form-grid">
        <div className="field field-wide">
          <label htmlFor={`${id}-base`}>Page to link to</label>
          <input
            id={`${id}-base`}
            className="input"
            type="url"
            placeholder="https://example.com/page"
            value={base}
            aria-invalid={baseError !== null}
            aria-describedby={baseError !== null ? `${id}-base-e` : undefined}
            onChange={(e) => setBase(e.target.value)}
            data-testid="link-base"
          />
          {baseError !== null && <p className="field-error" id={`${id}-base-e`}>{baseError}</p>}
        </div>
        {utmKeys.map((k) => {
          const mine = issues.filter((i) => i.field === `utm_${k}`)
          const fid = `${id}-${k}`
          return (
            <div key={k} className="field">
              <label htmlFor={fid}>{labels[k]}</label>
              <input
                id={fid}
                className="input"
                value={utm[k]}
                aria-invalid={mine.length > 0}
                aria-describedby={`${fid}-h${mine.length > 0 ? ` ${fid}-e` : ''}`}
                onChange={(e) => set(k, e.target.value)}
                data-testid={`link-${k}`}
              />
              <p className="field-help subtle" id={`${fid}-h`}>{helps[k]}</p>
              {mine.length > 0 && (
                <div id={`${fid}-e`} data-testid={`link-issue-${k}`}>
                  {mine.map((i) => (
                    <p key={i.message} className="field-error">
                      {i.message}{' '}
                      {i.fix !== null && (
                        <button type="button" className="btn btn-sm" onClick={() => set(k, i.fix ?? '')}>
                          Use “{i.fix}”
                        </button>
                      )}
                    </p>
                  ))}
                </div>
              )}
            </div>
          )
        })}
      </div>
      <div className="field field-wide">
        <label htmlFor={`${id}-url`}>Link to share</label>
        <input id={`${id}-url`} ref={output} className="input" readOnly value={url} placeholder="Give the page to link to first" data-testid="link-url" />
      </div>
      <p className="subtle small" data-testid="link-status">
        {url === '' ? 'No link yet.' : issues.length === 0 ? 'Follows the team’s link convention.' : `Breaks the team’s link convention in ${issues.length} ${issues.length === 1 ? 'place' : 'places'} (see above).`}
      </p>
      <div className="task-apply">
        <button type="button" className="btn btn-sm" onClick={() => setTyped(null)} data-testid="link-propose">
          Propose from the item
        </button>
        <button type="button" className="btn btn-sm" disabled={url === ''} onClick={() => void copy()} data-testid="link-copy">
          Copy
        </button>
        <button type="button" className="btn btn-sm btn-primary" disabled={url === '' || busy} onClick={() => void save()} data-testid="link-save">
          {busy ? 'Saving…' : 'Save to item'}
        </button>
        {note !== null && (
          <span className={note.tone === 'error' ? 'form-error small' : 'subtle small'} role="status" data-testid="link-note">
            {note.text}
          </span>
        )}
      </div>
    </section>
  )
}
