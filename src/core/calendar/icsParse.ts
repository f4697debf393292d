/**
 * A small RFC 5545 reader for our own exports (round-trip tests, and a check before writing a file):
 * unfolds lines, splits name/params/value and unescapes TEXT. Not a general iCalendar parser.
 */
export type IcsProperty = { name: string; params: Record<string, string>; value: string }
export type IcsComponent = { type: string; props: IcsProperty[] }

export function unescapeText(s: string): string {
  return s.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))
}

export function icsParse(text: string): { calendar: IcsProperty[]; events: IcsComponent[] } {
  const unfolded = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((l) => l !== '')
  const calendar: IcsProperty[] = []
  const events: IcsComponent[] = []
  let current: IcsComponent | null = null
  for (const line of unfolded) {
    const colon = line.indexOf(':')
    if (colon < 0) throw new Error(`Not a content line: ${line}`)
    const [name = '', ...paramParts] = line.slice(0, colon).split(';')
    const params = Object.fromEntries(paramParts.map((p) => p.split('=') as [string, string]))
    const prop: IcsProperty = { name: name.toUpperCase(), params, value: line.slice(colon + 1) }
    if (prop.name === 'BEGIN' && prop.value === 'VEVENT') current = { type: 'VEVENT', props: [] }
    else if (prop.name === 'END' && prop.value === 'VEVENT') {
      if (current) events.push(current)
      current = null
    } else if (current) current.props.push(prop)
    else calendar.push(prop)
  }
  return { calendar, events }
}

export function icsProp(c: IcsComponent, name: string): string | undefined {
  return c.props.find((p) => p.name === name)?.value
}
