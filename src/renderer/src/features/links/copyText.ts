/**
 * Copy text to the clipboard; where the clipboard is refused (a browser without permission, an
 * insecure origin) select the text in its field instead so Ctrl+C copies it.
 */
export async function copyText(text: string, field: HTMLInputElement | null): Promise<'clipboard' | 'selected'> {
  try {
    await navigator.clipboard.writeText(text)
    return 'clipboard'
  } catch {
    field?.focus()
    field?.select()
    return 'selected'
  }
}
