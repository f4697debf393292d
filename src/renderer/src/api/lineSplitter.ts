/**
 * Splits a byte stream of newline-delimited JSON into whole lines. Network chunks cut lines (and
 * multi-byte characters) anywhere, so the remainder is carried over to the next chunk.
 */
export function lineSplitter(): { push(chunk: Uint8Array): string[]; flush(): string[] } {
  const decoder = new TextDecoder()
  let rest = ''
  const take = (text: string): string[] => {
    rest += text
    const parts = rest.split('\n')
    rest = parts.pop() ?? ''
    return parts.map((p) => p.trim()).filter((p) => p !== '')
  }
  return {
    push: (chunk) => take(decoder.decode(chunk, { stream: true })),
    flush: () => {
      const last = (rest + decoder.decode()).trim()
      rest = ''
      return last === '' ? [] : [last]
    }
  }
}
