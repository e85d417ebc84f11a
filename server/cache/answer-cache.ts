/**
 * Answers kept in memory, each under the stamp of the data it was computed from
 * (stamps.ts). An answer whose stamp is no longer the current one is never served; the least
 * recently used answers go first once the bytes held reach the bound.
 */
export type CachedAnswer = { body: string; contentType: string };

type Entry = CachedAnswer & { stamp: string; bytes: number };

export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string, stamp: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.stamp !== stamp) {
      if (entry) this.remove(key, entry);
      this.misses += 1;
      return undefined;
    }
    // Map keeps insertion order: moving the entry to the end keeps the least recently used first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.hits += 1;
    return entry;
  }

  set(key: string, stamp: string, answer: CachedAnswer): void {
    const bytes = answer.body.length * 2 + key.length * 2 + 200;
    if (bytes > this.maxBytes / 4) return; // one huge answer must not push out everything else
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    this.entries.set(key, { ...answer, stamp, bytes });
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(k, e);
    }
  }

  get size() {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private remove(key: string, entry: Entry) {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}
