/**
 * Save text as a file through a Blob link: works the same in the browser host and in Electron (whose
 * download goes through the save dialog), with no file-system access from the page.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  // A byte-order mark makes Excel read the CSV as UTF-8 (names with accents, en dashes).
  downloadBlob(fileName, new Blob([type.startsWith('text/csv') ? '\uFEFF' : '', text], { type }))
}

/** Hand a Blob to the browser as a download (shared by text and binary downloads). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
