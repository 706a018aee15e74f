// The index cache of an index, built whole: what the product's IndexCacheText (which keeps each
// note's text between saves) must always equal, and a cache to read back in the tests.
import { indexCacheOf, type CachedNote, type FileStamp, type IndexCacheFile } from '../../../src/core/persist/indexCache';
import type { ProtocolIndex } from '../../../src/core/index/protocolIndex';

/**
 * Only notes whose stamp is known (read from a saved file) are kept; a note indexed from an
 * unsaved buffer has no stamp, so the next session reads its file again.
 */
export function createIndexCache(index: ProtocolIndex, stamps: ReadonlyMap<string, FileStamp>, synonyms = ''): IndexCacheFile {
  const entries: CachedNote[] = [];
  for (const path of index.paths()) {
    const stamp = stamps.get(path);
    const note = index.note(path);
    if (stamp && note) entries.push({ note, stamp });
  }
  return indexCacheOf(entries, synonyms);
}
