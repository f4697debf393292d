/** The tools' own names for the import presets, as a person reads them (never the preset's id). */
const labels: Readonly<Record<string, string>> = {
  generic: 'Generic',
  hootsuite: 'Hootsuite bulk composer',
  buffer: 'Buffer',
  sprout: 'Sprout Social',
  later: 'Later',
  'hootsuite-streams': 'Hootsuite Streams',
  brandwatch: 'Brandwatch',
  mention: 'Mention',
  talkwalker: 'Talkwalker'
}

export function presetLabel(preset: string): string {
  return labels[preset] ?? preset
}
