import type { z } from 'zod'
import type { enums } from '../domain/enums'
import type { Rng } from './seededRandom'
import { demoWords as w } from './demoWords'

type Format = z.infer<typeof enums.contentFormat>

/**
 * Title templates per format. Placeholders: {topic} {Topic} {customer} {metric} {audience} {tool}
 * {n} {guest} {event} {ep}. Each format has its own voice: threads tease, webinars promise a how-to.
 */
const TEMPLATES: Record<Format, readonly string[]> = {
  article: [
    'How {customer} cut {metric} by {n}%', '{Topic} checklist for {audience}', 'The hidden cost of {topic}',
    'What we learned from {n} {topic} incidents', '{Topic} with {tool}: a practical guide', 'Why {audience} are rethinking {topic}',
    '5 signs your {topic} strategy is broken', '{Topic} explained in 10 minutes', 'A field guide to {topic} for {audience}'
  ],
  case_study: ['Case study: {customer} and {topic}', 'How {customer} cut {metric} by {n}%', '{customer}: from firefighting to {topic}'],
  post: [
    '{n}% of data incidents start with {topic}. Here is why.', 'Poll: how do you handle {topic}?', 'Quick tip: {topic} in {tool}',
    'Customer win: {customer} cut {metric} by {n}%', 'Meet the team: why our engineers care about {topic}', 'Behind the scenes: our {topic} on-call rota',
    'New in Northwind: {tool} monitors for {topic}', 'Carousel: {topic} in 6 slides'
  ],
  thread: ['A thread on {topic} 🧵', '{n} lessons on {topic} from {customer}', 'Hot take: fixing {topic} is a people problem'],
  video: ['{Topic} in {tool}: a 10-minute walkthrough', 'Demo: catch {metric} before your stakeholders do', 'Office hours: {topic} Q&A'],
  newsletter: ['The Lineage Letter #{ep}: {topic}', 'The Lineage Letter #{ep}: {n} reads on {topic}', 'The Lineage Letter #{ep}: {customer} on {metric}'],
  episode: ['Data Downtime ep. {ep}: {topic} with {guest}', 'Data Downtime ep. {ep}: what {customer} learned about {metric}'],
  webinar: ['Webinar: {topic} for {audience}', 'Live demo: stop {metric} with {tool} and Northwind', 'Webinar: {customer} on {topic}'],
  event: ['{event}: booth and talk on {topic}', '{event}: {audience} breakfast', '{event}: {topic} workshop'],
  other: ['Internal: {topic} messaging doc']
}

function fill(template: string, rng: Rng): string {
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => {
    switch (key) {
      case 'topic': return rng.pick(w.topics)
      case 'Topic': {
        const t = rng.pick(w.topics)
        return t.charAt(0).toUpperCase() + t.slice(1)
      }
      case 'customer': return rng.pick(w.customers)
      case 'metric': return rng.pick(w.metrics)
      case 'audience': return rng.pick(w.audiences)
      case 'tool': return rng.pick(w.tools)
      case 'guest': return rng.pick(w.guests)
      case 'event': return rng.pick(w.events)
      case 'n': return String(rng.int(3, 9) * 5)
      case 'ep': return String(rng.int(12, 180))
      default: return key
    }
  })
}

export type Titler = (format: Format, pillar: string) => { title: string; brief: string }

/** Distinct titles and briefs per pool; a 330-item demo stays varied, a 100k one reuses (recurring series). */
const POOL_SIZE = 1500

/**
 * A title-and-brief maker for one generation run. Pools are filled lazily and shared within the run:
 * a 100k-item benchmark then holds ~15k distinct strings instead of 200k, which keeps garbage
 * collection (most of its generation time) down. Per run, not per module, so output stays deterministic.
 */
export function demoTitles(rng: Rng): Titler {
  const titles = new Map<string, string[]>()
  const briefs: string[] = []
  return (format, pillar) => {
    // Customer-story pillar items read as stories whatever the format.
    const story = pillar === 'Customer stories' && (format === 'article' || format === 'post')
    const key = story ? 'story' : format
    let pool = titles.get(key)
    if (pool === undefined) {
      pool = []
      titles.set(key, pool)
    }
    const t = rng.int(0, POOL_SIZE - 1)
    const title = (pool[t] ??= fill(rng.pick(story ? TEMPLATES.case_study : TEMPLATES[format]), rng))
    const b = rng.int(0, POOL_SIZE - 1)
    const brief = (briefs[b] ??=
      `For ${rng.pick(w.audiences)}. ${rng.pick(w.angles)} ` + fill('Tie it to {metric} and mention {tool}. ', rng) + `CTA: ${rng.pick(w.ctas)}.`)
    return { title, brief }
  }
}
