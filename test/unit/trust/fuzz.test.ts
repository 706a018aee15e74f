import fc from 'fast-check';
import { hostileVault } from '../../fuzz/hostileNotes';
import { exerciseBatch } from '../../fuzz/exercise';

// 100,000 generated hostile notes in batches of 500: random and malformed YAML, BOMs, CRLF and
// lone CR, tabs, huge values, deep nesting, alias bombs, duplicate and prototype keys, bidi and
// zero-width characters, cycles and chains between the batch's notes. Nothing may throw, and no
// single note may take longer than the hang limit to parse. A failing seed is printed by
// fast-check; put it in a unit test of its own.
const BATCHES = Number(process.env.PROTOCOL_ATLAS_FUZZ_BATCHES ?? 200);
const BATCH_SIZE = 500;
const HANG_LIMIT_MS = 1_000;

describe(`fuzz: ${BATCHES * BATCH_SIZE} hostile notes`, function () {
  this.timeout(600_000);

  it('parse, index, judge, lay out, export, cache and update without throwing, each note within the hang limit', () => {
    let slowest = 0;
    fc.assert(
      fc.property(hostileVault(BATCH_SIZE), (notes) => {
        slowest = Math.max(slowest, exerciseBatch(notes, HANG_LIMIT_MS).slowestParseMs);
      }),
      // No shrinking: a batch of 500 notes with 60,000-character values would take hours; the seed and
      // the failing note (in the message) are enough to write the unit test.
      { numRuns: BATCHES, seed: Number(process.env.PROTOCOL_ATLAS_FUZZ_SEED ?? 20261202), endOnFailure: true },
    );
    console.log(`      slowest note: ${slowest.toFixed(1)} ms`);
  });
});
