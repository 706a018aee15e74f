// `npm run soak`: the fuzz tests' generators for longer (default 10 minutes, PROTOCOL_ATLAS_SOAK_MINUTES),
// one seed after another, printing what was tried as one JSON object. A failure stops the soak
// and prints its seed: `PROTOCOL_ATLAS_FUZZ_SEED=<seed> PROTOCOL_ATLAS_FUZZ_BATCHES=1 npx mocha …/fuzz.test.ts`
// repeats it; then write the failing note into a unit test.
import fc from 'fast-check';
import { hostileVault } from './hostileNotes';
import { exerciseBatch } from './exercise';

const minutes = Number(process.env.PROTOCOL_ATLAS_SOAK_MINUTES ?? 10);
const batchSize = Number(process.env.PROTOCOL_ATLAS_SOAK_BATCH ?? 500);
const hangLimitMs = 1_000;
const firstSeed = Number(process.env.PROTOCOL_ATLAS_FUZZ_SEED ?? Date.now() % 1_000_000_000);

const started = Date.now();
const tried = { notes: 0, batches: 0, diagnostics: 0, cycleDiagnostics: 0, slowestParseMs: 0, slowestNote: undefined as string | undefined };
let failure: { seed: number; message: string } | undefined;
for (let seed = firstSeed; Date.now() - started < minutes * 60_000; seed++) {
  const [notes] = fc.sample(hostileVault(batchSize), { numRuns: 1, seed });
  try {
    const figures = exerciseBatch(notes, hangLimitMs);
    tried.notes += figures.notes;
    tried.batches++;
    tried.diagnostics += figures.diagnostics;
    tried.cycleDiagnostics += figures.cycles;
    if (figures.slowestParseMs > tried.slowestParseMs) [tried.slowestParseMs, tried.slowestNote] = [figures.slowestParseMs, figures.slowestNote];
  } catch (error) {
    failure = { seed, message: error instanceof Error ? error.message : String(error) };
    break;
  }
  if (tried.batches % 10 === 0) process.stderr.write(`soak: ${tried.notes} notes, ${Math.round((Date.now() - started) / 1000)} s\n`);
}
console.log(
  JSON.stringify(
    { firstSeed, batchSize, seconds: Math.round((Date.now() - started) / 1000), ...tried, slowestParseMs: Number(tried.slowestParseMs.toFixed(1)), crashes: failure ? 1 : 0, failure },
    null,
    2,
  ),
);
process.exitCode = failure ? 1 : 0;
