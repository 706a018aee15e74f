import * as assert from 'node:assert/strict';
import { globMatcher } from '../../../src/core/note/glob';

describe('globMatcher (protocolAtlas.include / exclude)', () => {
  it('matches the default include at any depth, including the top folder', () => {
    const isNote = globMatcher(['**/*.md']);
    assert.equal(isNote('bittensor.md'), true);
    assert.equal(isNote('model/bittensor.md'), true);
    assert.equal(isNote('a/b/c/d.md'), true);
    assert.equal(isNote('model/bittensor.markdown'), false);
    assert.equal(isNote('model/bittensor.md.bak'), false);
  });

  it('excludes whole trees with a trailing /**, at any depth', () => {
    const excluded = globMatcher(['**/node_modules/**', '**/.git/**']);
    assert.equal(excluded('node_modules/pkg/README.md'), true);
    assert.equal(excluded('notes/node_modules/x.md'), true);
    assert.equal(excluded('notes/node_modules_backup/x.md'), false);
    assert.equal(excluded('.git/x.md'), true);
    assert.equal(excluded('model/bittensor.md'), false);
  });

  it('keeps * and ? inside one path segment', () => {
    const top = globMatcher(['*.md']);
    assert.equal(top('README.md'), true);
    assert.equal(top('model/bittensor.md'), false);
    assert.equal(globMatcher(['model/?ittensor.md'])('model/bittensor.md'), true);
    assert.equal(globMatcher(['model/?ittensor.md'])('model/xbittensor.md'), false);
  });

  it('reads braces (nested too) and character classes', () => {
    const layers = globMatcher(['{infrastructure,middleware/{data,privacy}}/**/*.md']);
    assert.equal(layers('infrastructure/io-net.md'), true);
    assert.equal(layers('middleware/data/grass.md'), true);
    assert.equal(layers('middleware/agents/eliza.md'), false);
    assert.equal(globMatcher(['notes/[a-c]*.md'])('notes/bittensor.md'), true);
    assert.equal(globMatcher(['notes/[!a-c]*.md'])('notes/bittensor.md'), false);
  });

  it('takes literal dots, parentheses and plus signs literally, and ./ or \\ as written on Windows', () => {
    assert.equal(globMatcher(['io.net (notes)+/*.md'])('io.net (notes)+/a.md'), true);
    assert.equal(globMatcher(['io.net (notes)+/*.md'])('ioxnet (notes)+/a.md'), false);
    assert.equal(globMatcher(['./notes/**'])('notes/a.md'), true);
    assert.equal(globMatcher(['notes\\**'])('notes/a.md'), true);
  });

  it('matches nothing for an empty list or blank patterns, and survives unbalanced brackets', () => {
    assert.equal(globMatcher([])('a.md'), false);
    assert.equal(globMatcher(['', '  '])('a.md'), false);
    assert.equal(globMatcher(['{a.md'])('{a.md'), true);
    assert.equal(globMatcher(['[a.md'])('[a.md'), true);
  });

  it("a folder's pattern covers what is in it (the CLI reads folders with the same matcher)", () => {
    assert.equal(globMatcher(['drafts'])('drafts/a.md'), true);
    assert.equal(globMatcher(['drafts'])('drafts-old/a.md'), false);
    assert.equal(globMatcher(['**/node_modules'])('notes/node_modules/pkg/x.md'), true);
    assert.equal(globMatcher(['a?.md'])('ab.md'), true);
  });

  it("patterns from a cloned repository's settings cannot hang or throw", () => {
    const started = Date.now();
    const nested = globMatcher(['**/**/**/**/**/**/**/**/**/**/**/**/**/*.md']);
    const deep = `${'a/'.repeat(40)}notes.mdx`;
    assert.equal(nested(deep), false);
    assert.equal(nested('a/b/c.md'), true);
    assert.ok(Date.now() - started < 2000, 'a hang detector, not a speed target');
    assert.doesNotThrow(() => globMatcher(['[z-a].md'])('b.md'));
    assert.equal(globMatcher(['[z-a].md'])('b.md'), false);
    assert.equal(globMatcher(['!notes/*.md'])('notes/a.md'), false, 'a leading ! is text, as in VS Code');
    assert.equal(globMatcher(['x'.repeat(5000)])('x'.repeat(5000)), false, 'an absurdly long pattern is ignored');
  });
});
