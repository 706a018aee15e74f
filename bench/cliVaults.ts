// The CLI benchmark's vaults, generated once and kept under the system's temp folder: a
// 50,000-note vault takes a while to write, and the notes are the same on every run anyway
// (bench/vaultShapes.ts is seeded). A vault is keyed by shape, count and a hash of the code that
// generates it, so a change to the generator makes a new one; older ones of the same shape and
// count are removed. Delete the folder to regenerate by hand.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeNotes } from './syntheticNotes';
import { vaultNotes, type VaultShape } from './vaultShapes';

export interface Vault {
  shape: VaultShape;
  count: number;
}

export const CACHE_ROOT = path.join(os.tmpdir(), 'protocol-atlas-bench-vaults');
const GENERATOR_FILES = ['vaultShapes.ts', 'syntheticNotes.ts', 'benchRow.ts'];
/** Written last: a folder without it is a generation that was interrupted. */
const COMPLETE = '.complete';

export function vaultLabel(vault: Vault): string {
  return `${vault.shape} ${vault.count.toLocaleString('en')}`;
}

function generatorHash(): string {
  const hash = createHash('sha256');
  for (const file of GENERATOR_FILES) hash.update(fs.readFileSync(path.join(__dirname, file)));
  return hash.digest('hex').slice(0, 12);
}

/** The folder holding the vault's notes, generating it first when no complete copy is cached. */
export function cachedVault(vault: Vault, log: (line: string) => void): string {
  const prefix = `${vault.shape}-${vault.count}-`;
  const folder = path.join(CACHE_ROOT, prefix + generatorHash());
  if (fs.existsSync(path.join(folder, COMPLETE))) return folder;
  fs.mkdirSync(CACHE_ROOT, { recursive: true });
  for (const old of fs.readdirSync(CACHE_ROOT)) {
    if (old.startsWith(prefix)) fs.rmSync(path.join(CACHE_ROOT, old), { recursive: true, force: true });
  }
  log(`generating the ${vaultLabel(vault)} vault in ${folder}…`);
  const started = Date.now();
  const partial = `${folder}.partial-${process.pid}`;
  writeNotes(partial, vaultNotes(vault.shape, vault.count));
  fs.writeFileSync(path.join(partial, COMPLETE), `${vault.count}\n`);
  fs.renameSync(partial, folder);
  log(`  written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return folder;
}
