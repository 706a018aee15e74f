// What VS Code shows from package.json (command titles, the view's name, settings, colours, the
// walkthrough) comes from package.nls.json, or from package.nls.zh-cn.json in a Chinese VS Code.
// A %key% missing from either file shows as the raw key; an English string left in package.json,
// or an English value left in the Chinese file, shows English in a Chinese UI. These tests keep
// the three files in step.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as unknown;

const manifest = readJson('package.json') as { contributes: Record<string, unknown> };
const english = readJson('package.nls.json') as Record<string, string>;
const chinese = readJson('package.nls.zh-cn.json') as Record<string, string>;

/** The contribution fields VS Code shows to the user, wherever they sit under `contributes`. */
const SHOWN = new Set([
  'title',
  'shortTitle',
  'category',
  'name',
  'contextualTitle',
  'contents',
  'label',
  'tooltip',
  'description',
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'deprecationMessage',
  'markdownDeprecationMessage',
  'altText',
]);

// Names that stay as they are in a Chinese UI, as VS Code's own Chinese UI keeps product names.
const PROPER_NOUNS = new Set(['Protocol Atlas']);

const KEY = /^%([^%\s]+)%$/;

function walk(value: unknown, at: string, visit: (at: string, field: string, text: string) => void, field = ''): void {
  if (typeof value === 'string') visit(at, field, value);
  else if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${at}[${i}]`, visit, field));
  else if (value && typeof value === 'object') {
    for (const [name, item] of Object.entries(value)) walk(item, `${at}.${name}`, visit, name);
  }
}

function usedKeys(): string[] {
  const keys: string[] = [];
  walk(manifest, 'package.json', (_at, _field, text) => {
    const key = KEY.exec(text)?.[1];
    if (key) keys.push(key);
  });
  return keys;
}

/** What must survive translation: placeholders, code, command and setting links, emphasis, lines. */
function fixedParts(text: string): string[] {
  const parts = [
    ...(text.match(/\{\d+\}/g) ?? []),
    ...(text.match(/`[^`]*`/g) ?? []),
    ...(text.match(/\]\([^)]*\)/g) ?? []),
    ...(text.match(/#[\w.]+#/g) ?? []),
    ...(text.match(/\$\([\w-]+\)/g) ?? []),
  ];
  parts.push(`${(text.match(/\*\*/g) ?? []).length} ** marks`, `${text.split('\n').length} lines`);
  return parts.sort();
}

describe('the manifest in English and Chinese (package.nls.json, package.nls.zh-cn.json)', () => {
  it('takes every shown string of the contributions from the nls files', () => {
    const literal: string[] = [];
    walk(manifest.contributes, 'contributes', (at, field, text) => {
      if (SHOWN.has(field) && !KEY.test(text)) literal.push(`${at}: ${JSON.stringify(text)}`);
    });
    assert.deepEqual(literal, []);
    assert.ok(usedKeys().length >= 30, `${usedKeys().length} keys`);
  });

  it('defines every key it uses in both files, and no key it does not use', () => {
    const used = [...new Set(usedKeys())].sort();
    assert.deepEqual(Object.keys(english).sort(), used, 'package.nls.json');
    assert.deepEqual(Object.keys(chinese).sort(), used, 'package.nls.zh-cn.json');
  });

  it('has a Chinese translation for every English value, not a copy of it', () => {
    const problems: string[] = [];
    for (const [key, text] of Object.entries(english)) {
      const translated = chinese[key];
      if (!text.trim()) problems.push(`${key}: empty in English`);
      if (typeof translated !== 'string' || !translated.trim()) problems.push(`${key}: empty in Chinese`);
      else if (PROPER_NOUNS.has(text)) {
        if (translated !== text) problems.push(`${key}: the name ${text} is kept as it is`);
      } else if (translated === text || !/\p{Script=Han}/u.test(translated)) problems.push(`${key}: not translated (${JSON.stringify(translated)})`);
    }
    assert.deepEqual(problems, []);
  });

  it('keeps placeholders, code, command links, setting links and line breaks in the translation', () => {
    for (const [key, text] of Object.entries(english)) {
      assert.deepEqual(fixedParts(chinese[key] ?? ''), fixedParts(text), key);
    }
  });

  it('has a Chinese copy of every walkthrough page, where VS Code looks for one', () => {
    // VS Code reads <page>.nls.<language>.md (then .nls.zh.md) before <page>.md for markdown media.
    const pages: string[] = [];
    walk(manifest.contributes.walkthroughs, 'walkthroughs', (_at, field, text) => {
      if (field === 'markdown') pages.push(text);
    });
    assert.ok(pages.length >= 4, `${pages.length} pages`);
    for (const page of pages) {
      assert.ok(fs.existsSync(path.join(ROOT, page)), page);
      const copy = page.replace(/\.md$/, '.nls.zh-cn.md');
      const text = fs.readFileSync(path.join(ROOT, copy), 'utf8');
      assert.match(text, /^# \p{Script=Han}/u, `${copy} opens with a Chinese title`);
      const commands = (markdown: string) => (markdown.match(/\*\*Protocol Atlas: [^*]+\*\*/g) ?? []).length;
      assert.equal(commands(text), commands(fs.readFileSync(path.join(ROOT, page), 'utf8')), `${copy} names the same commands`);
    }
  });
});
