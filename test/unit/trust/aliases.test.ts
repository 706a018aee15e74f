import * as assert from 'node:assert/strict';
import { parseNote } from '../../../src/core/note/parseNote';
import { MAX_ALIASES } from '../../../src/core/note/fields';
import { keysOfNote } from '../../../src/core/index/nameTable';
import { ProtocolIndex } from '../../../src/core/index/protocolIndex';

// A note can list any number of aliases. Each is a key for every lookup, so 30,000 of them once
// took 30 s to index (a quadratic de-duplication), and would have cost every other note after.
describe('alias bombs', function () {
  this.timeout(5_000); // a hang detector: the linear code takes well under a second

  const bomb = (count: number, prefix = 'alias') =>
    `---\nprotocol: Bomb\naliases: [${Array.from({ length: count }, (_, i) => `${prefix}${i}`).join(', ')}]\nlayer: model\n---\n`;

  it('only the first aliases count, and the note says so on the aliases it ignores', () => {
    const note = parseNote('bomb.md', bomb(30_000));
    assert.equal(note.aliases.length, MAX_ALIASES);
    const warning = note.diagnostics.find((d) => d.data?.field === 'aliases');
    assert.ok(warning, 'a warning on the aliases');
    assert.match(warning.message, new RegExp(`first ${MAX_ALIASES} of 30000`));
    assert.equal(warning.range.start.line, 2);
  });

  it('keys of a note with many aliases (given parsed, past the cap) are found in linear time', () => {
    const parsed = parseNote('bomb.md', bomb(3));
    const many = { ...parsed, aliases: Array.from({ length: 60_000 }, (_, i) => `alias${i % 30_000}`) };
    const keys = keysOfNote(many);
    assert.equal(keys.length, 30_000 + 3, 'each alias once, plus name, path and file name');
    const index = new ProtocolIndex();
    index.buildParsed([many]);
    assert.equal(index.resolve('alias29999'), 'bomb.md');
    index.buildParsed([{ ...many, aliases: many.aliases.slice(1) }]);
    assert.equal(index.resolve('alias29999'), 'bomb.md');
  });

  it('four notes of 30,000 aliases each still resolve the dependencies of the others', () => {
    const index = new ProtocolIndex();
    index.build([
      ...[0, 1, 2, 3].map((k) => ({ path: `bomb${k}.md`, text: bomb(30_000, `a${k}-`).replace('Bomb', `Bomb${k}`) })),
      { path: 'app.md', text: '---\nprotocol: App\ndepends_on: [a2-7, a3-150]\n---\n' },
    ]);
    assert.equal(index.protocol('app.md')?.dependsOn.join(','), 'bomb2.md');
    assert.ok(index.diagnostics('app.md').some((d) => d.code === 'unresolved-dependency' && d.data?.target === 'a3-150'), 'an alias past the cap names nothing');
  });
});
