#!/usr/bin/env node
// `npm test`: every tier in order, stopping at the first that fails (with its exit code):
//   lint         npm run lint              ESLint + type checks
//   unit         npm run test:unit         mocha in Node on the VS Code-free core
//   integration  npm run test:integration  mocha in a real VS Code extension host
//   e2e          npm run test:e2e          the real UI in headless Chromium
// Ends with one line the CI reads, exactly `tests: <passed> passed, <failed> failed`, then the
// time each tier took. A tier that fails without a mocha summary (lint, a crash) counts as one
// failure, so a red run never reads "0 failed".
//   npm test -- unit e2e    runs only the named tiers (same order)
const { spawn } = require('child_process');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const TIERS = [
  { name: 'lint', script: 'lint' },
  { name: 'unit', script: 'test:unit' },
  { name: 'integration', script: 'test:integration' },
  { name: 'e2e', script: 'test:e2e' },
];

/** Sums every mocha summary in the output ("12 passing (3s)", "1 failing", "2 pending"). */
function parseMochaSummary(output) {
  const text = output.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex
  const count = (word) => [...text.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))].reduce((sum, match) => sum + Number(match[1]), 0);
  return { passing: count('passing'), failing: count('failing'), pending: count('pending') };
}

/** Runs `npm run <script>`, streaming its output and keeping a copy for the summary. */
function runTier(tier) {
  return new Promise((resolve) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['run', tier.script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('error', (error) => {
      output += String(error);
      resolve({ code: 1, output });
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

function formatSeconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !TIERS.some((tier) => tier.name === name));
  if (unknown.length) {
    console.error(`Unknown tier(s): ${unknown.join(', ')}. Tiers: ${TIERS.map((tier) => tier.name).join(', ')}`);
    return 2;
  }
  const tiers = wanted.length ? TIERS.filter((tier) => wanted.includes(tier.name)) : TIERS;
  const results = [];
  const started = Date.now();
  let exitCode = 0;

  for (const tier of tiers) {
    console.log(`\n=== ${tier.name} (npm run ${tier.script}) ===\n`);
    const tierStarted = Date.now();
    const { code, output } = await runTier(tier);
    const summary = tier.name === 'lint' ? { passing: 0, failing: 0, pending: 0 } : parseMochaSummary(output);
    if (code !== 0 && summary.failing === 0) summary.failing = 1;
    results.push({ tier, code, ms: Date.now() - tierStarted, ...summary });
    if (code !== 0) {
      exitCode = code;
      break;
    }
  }

  const passed = results.reduce((sum, result) => sum + result.passing, 0);
  const failed = results.reduce((sum, result) => sum + result.failing, 0);
  console.log('');
  for (const result of results) {
    const counts = result.tier.name === 'lint' && result.code === 0 ? 'clean' : `${result.passing} passed, ${result.failing} failed, ${result.pending} pending`;
    console.log(`  ${result.tier.name.padEnd(12)} ${formatSeconds(result.ms).padStart(8)}  ${result.code === 0 ? 'ok    ' : `FAILED (exit ${result.code})`}  ${counts}`);
  }
  for (const tier of tiers.slice(results.length)) console.log(`  ${tier.name.padEnd(12)} ${'-'.padStart(8)}  not run`);
  console.log(`  ${'total'.padEnd(12)} ${formatSeconds(Date.now() - started).padStart(8)}`);
  console.log(`tests: ${passed} passed, ${failed} failed`);
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
