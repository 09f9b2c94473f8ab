/** Offers `blob` as a file download through a temporary Blob URL (nothing leaves the page). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.hidden = true
  document.body.append(a)
  a.click()
  a.remove()
  // the download has started from the click; keep the URL a moment for slow browsers
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Offers `data` as a JSON file download. */
export function downloadJson(data: unknown, fileName: string): void {
  downloadBlob(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), fileName)
}
