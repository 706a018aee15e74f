// The body scanner's loop as it was before it learnt to skip lines: every line is cut out and
// read. Kept as the reference the faster loop must always agree with (bodyScan.test.ts); each
// line is read by the scanner's own LineReader, since skipping lines is what changed.
import { LineReader, type BodyScan } from '../../../src/core/note/body';

export function referenceScanBody(text: string, offset: number, firstLine: number, limit: number): BodyScan {
  const scan: BodyScan = { mentions: [], layerTags: [], truncated: false };
  const reader = new LineReader(scan);
  const stop = Math.min(text.length, offset + limit);
  let lineNumber = firstLine;
  let start = offset;
  while (start <= stop) {
    let end = text.indexOf('\n', start);
    if (end < 0 || end > stop) end = stop;
    let line = text.slice(start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    reader.read(line, lineNumber);
    if (end >= stop) break;
    start = end + 1;
    lineNumber++;
  }
  scan.truncated = stop < text.length;
  return scan;
}
