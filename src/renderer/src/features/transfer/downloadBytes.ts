import { downloadBlob } from './downloadText'

/** Save base64 bytes from the backend (an XLSX workbook, a Windows-1252 CSV) as a file, like downloadText. */
export function downloadBytes(fileName: string, base64: string, type: string): void {
  const bin = atob(base64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  downloadBlob(fileName, new Blob([bytes], { type }))
}
