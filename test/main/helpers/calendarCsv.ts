/**
 * A calendar spreadsheet of `rows` content items, as a team would export one from another tool:
 * titles, a brief, the channel and owner by name, a date. About 177 bytes a row, so 100,000 rows are
 * the 17.7 MB file of issue 13. Channel and owner names must exist in the target workspace.
 */
export function calendarCsv(rows: number, refs: { channels: string[]; owners: string[] }): string {
  const formats = ['post', 'article', 'video', 'thread', 'newsletter']
  const lines = ['Title,Brief,Channel,Format,Owner,Status,Planned date,Effort hours']
  const start = Date.UTC(2027, 0, 1)
  for (let i = 0; i < rows; i++) {
    const day = new Date(start + (i % 730) * 86_400_000).toISOString().slice(0, 10)
    const channel = refs.channels[i % refs.channels.length] ?? ''
    const owner = refs.owners[i % refs.owners.length] ?? ''
    lines.push(
      `Imported item ${i + 1}: how teams cut reporting time,"Lead with the customer story, then the numbers; close with a demo offer (${i % 97}).",${channel},${formats[i % formats.length]},${owner},${i % 3 === 0 ? 'draft' : 'idea'},${day},${(i % 8) + 1}`
    )
  }
  return `${lines.join('\n')}\n`
}
