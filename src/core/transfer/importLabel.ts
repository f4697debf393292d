/**
 * The label of the change an import writes ("import calendar.csv"), and the file read back from it:
 * a record's history then says where a record came from ("Dana imported it from calendar.csv")
 * instead of only that it was created. One place writes and reads the form.
 */
export function importLabel(fileName: string): string {
  return `import ${fileName}`
}

/** The file an import label names, or null for any other change. */
export function importedFrom(label: string | undefined): string | null {
  if (label === undefined || !label.startsWith('import ')) return null
  const file = label.slice('import '.length).trim()
  return file === '' ? null : file
}
