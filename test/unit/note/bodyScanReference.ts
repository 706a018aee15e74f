// The body scanner's loop as it was before it learnt to skip lines: every line is cut out and
// read. Kept as the reference the faster loop must always agree with (bodyScan.test.ts); what a
// single line yields is the scanner's own scanLine, since skipping lines is what changed.
import { FENCE, NOT_PARAGRAPH, scanLine, type BodyScan } from '../../../src/core/note/body';

export function referenceScanBody(text: string, offset: number, firstLine: number, limit: number): BodyScan {
  const scan: BodyScan = { mentions: [], layerTags: [], truncated: false };
  const stop = Math.min(text.length, offset + limit);
  let fence: { marker: string; length: number } | undefined;
  let previous = '';
  let previousStartsParagraph = false;
  let lineNumber = firstLine;
  let start = offset;
  while (start <= stop) {
    let end = text.indexOf('\n', start);
    if (end < 0 || end > stop) end = stop;
    let line = text.slice(start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);

    const fenceMatch = line.length >= 3 && (line.includes('```') || line.includes('~~~')) ? FENCE.exec(line) : null;
    if (fence) {
      if (fenceMatch && fenceMatch[2][0] === fence.marker && fenceMatch[2].length >= fence.length && !fenceMatch[3].trim()) {
        fence = undefined;
      }
    } else if (fenceMatch && !(fenceMatch[2][0] === '`' && fenceMatch[3].includes('`'))) {
      fence = { marker: fenceMatch[2][0], length: fenceMatch[2].length };
      previous = '';
    } else {
      scanLine(scan, line, lineNumber, previous, previousStartsParagraph);
      // Only a setext heading needs to know about paragraphs, and only until the H1 is found.
      if (!scan.heading) {
        previousStartsParagraph = !NOT_PARAGRAPH.test(line) && NOT_PARAGRAPH.test(previous);
        previous = line;
      }
    }
    if (end >= stop) break;
    start = end + 1;
    lineNumber++;
  }
  scan.truncated = stop < text.length;
  return scan;
}
