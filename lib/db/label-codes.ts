/**
 * A dictionary of the few distinct words a packed record repeats (channels, states, confidences):
 * each stored once, and referred to by a byte code per entry.
 */
export function labelCodes(owner: string): { labels: string[]; code: (label: string) => number } {
  const labels: string[] = [];
  const codeOf = new Map<string, number>();
  const code = (label: string): number => {
    let c = codeOf.get(label);
    if (c === undefined) {
      c = labels.length;
      if (c > 255) throw new Error(`${owner}: more than 256 distinct labels (${label})`);
      labels.push(label);
      codeOf.set(label, c);
    }
    return c;
  };
  return { labels, code };
}
