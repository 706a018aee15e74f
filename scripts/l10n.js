// The runtime strings' bundles (l10n/): `node scripts/l10n.js` extracts every l10n.t / vscode.l10n.t
// message from src/ and webview/ with @vscode/l10n-dev into l10n/bundle.l10n.json (the English
// bundle translators start from); `--check` changes nothing and fails when that file is stale or a
// message has no Chinese translation (l10n/bundle.l10n.zh-cn.json), so CI catches an untranslated
// string the day it is written.
const fs = require('fs');
const path = require('path');
const { getL10nJson } = require('@vscode/l10n-dev');

const ROOT = path.join(__dirname, '..');
const ENGLISH = path.join(ROOT, 'l10n', 'bundle.l10n.json');
const TRANSLATIONS = { 'zh-cn': path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json') };

function sourceFiles(folder) {
  return fs.readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name) ? [relative] : [];
  });
}

/** The English bundle the sources ask for, keys sorted so the file diffs well. */
async function extract() {
  const files = [...sourceFiles('src'), ...sourceFiles('webview')].map((file) => ({ extension: '.ts', contents: fs.readFileSync(path.join(ROOT, file), 'utf8') }));
  const bundle = await getL10nJson(files);
  return Object.fromEntries(Object.keys(bundle).sort().map((key) => [key, bundle[key]]));
}

const messageOf = (value) => (typeof value === 'string' ? value : value.message);
const placeholders = (text) => [...new Set(text.match(/\{[^{}]+\}/g) ?? [])].sort();

/** What is wrong with a translation against the English bundle: missing, stale or changed placeholders. */
function problems(english, translated, language) {
  const found = [];
  for (const [key, value] of Object.entries(english)) {
    const translation = translated[key];
    if (translation === undefined || messageOf(translation).trim() === '') found.push(`${language}: no translation for ${JSON.stringify(key)}`);
    else if (placeholders(messageOf(translation)).join() !== placeholders(messageOf(value)).join()) found.push(`${language}: ${JSON.stringify(key)} has placeholders ${placeholders(messageOf(translation))}, not ${placeholders(messageOf(value))}`);
  }
  for (const key of Object.keys(translated)) if (!(key in english)) found.push(`${language}: ${JSON.stringify(key)} is translated but no longer asked for`);
  return found;
}

async function main() {
  const english = await extract();
  const check = process.argv.includes('--check');
  const text = `${JSON.stringify(english, null, 2)}\n`;
  const found = [];
  if (check) {
    if (!fs.existsSync(ENGLISH) || fs.readFileSync(ENGLISH, 'utf8') !== text) found.push('l10n/bundle.l10n.json is stale: run node scripts/l10n.js');
  } else fs.writeFileSync(ENGLISH, text);
  for (const [language, file] of Object.entries(TRANSLATIONS)) {
    const translated = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
    found.push(...problems(english, translated, language));
  }
  for (const problem of found) console.error(problem);
  console.log(`${Object.keys(english).length} messages; ${found.length} problem(s)`);
  if (found.length > 0 && check) process.exit(1);
}

module.exports = { extract, problems };
if (require.main === module) main().catch((error) => { console.error(error); process.exit(1); });
