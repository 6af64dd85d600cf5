/** Saving what the dashboard produces as a download, and naming it by the seller's own date. */

export function saveFile(parts: BlobPart[], type: string, name: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is kept a little longer for slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `prefix-YYYY-MM-DD.ext`, dated on this computer's calendar (the day the seller made the file). */
export function datedName(prefix: string, extension: string, now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${prefix}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${extension}`;
}
