// The Connections view's contents for the active note, read as the view would, and told again
// only when they changed.
import * as assert from 'node:assert/strict';
import { Atlas } from '../../../src/core/atlas';
import { ConnectionsModel, connectionsOf, type ConnectionGroupId, type NoteConnections } from '../../../src/extension/features/connectionsModel';

const note = (name: string, layer: string, category: string, dependsOn: string[] = [], body = ''): string =>
  `---\nprotocol: ${JSON.stringify(name)}\nlayer: ${layer}\ncategory: ${category}\ndepends_on: [${dependsOn.map((d) => JSON.stringify(d)).join(', ')}]\n---\n\n# ${name}\n\n${body}\n`;

function vault(): Atlas {
  const atlas = new Atlas();
  atlas.index.build([
    { path: 'infrastructure/akash.md', text: note('Akash', 'infrastructure', 'compute') },
    { path: 'infrastructure/arweave.md', text: note('Arweave', 'infrastructure', 'storage') },
    { path: 'middleware/eliza.md', text: note('Eliza', 'middleware', 'agent-framework', ['Akash', 'Arweave'], 'Runs on [[Akash]]; see [Yield](../application/yield.md) and [[Eliza]].') },
    { path: 'application/yield.md', text: note('Yield Pilot', 'application', 'defai', ['Eliza'], 'Built on [[Eliza]].') },
    { path: 'application/ledger.md', text: note('Ledger Scout', 'application', 'ai-agents', ['[[Eliza]]'], 'Compare [[Yield Pilot]] and [[eliza|the framework]].') },
  ]);
  return atlas;
}

/** Each group as `name` (or `name: route`) lines. */
function read(connections: NoteConnections | undefined): Record<ConnectionGroupId, string[]> | undefined {
  if (!connections) return undefined;
  return Object.fromEntries(connections.groups.map((group) => [group.group, group.connections.map((each) => (each.route ? `${each.name}: ${each.route.join(' → ')}` : `${each.name} (${each.verdict})`))])) as Record<ConnectionGroupId, string[]>;
}

describe('Connections of the active note', () => {
  it('lists depends on, dependents, mentions, mentioned by and the nearest exposure routes', () => {
    const atlas = vault();
    assert.deepEqual(read(connectionsOf(atlas, 'middleware/eliza.md')), {
      dependsOn: ['Akash (negative)', 'Arweave (not-assessed)'],
      dependents: ['Ledger Scout (negative)', 'Yield Pilot (positive)'],
      mentions: ['Akash (negative)', 'Yield Pilot (positive)'],
      mentionedBy: ['Ledger Scout (negative)', 'Yield Pilot (positive)'],
      exposure: ['Akash: Eliza → Akash'],
    });
    assert.deepEqual(read(connectionsOf(atlas, 'application/yield.md'))?.exposure, ['Akash: Yield Pilot → Eliza → Akash']);
    assert.deepEqual(read(connectionsOf(atlas, 'infrastructure/akash.md'))?.exposure, [], 'a negative protocol is not exposed to itself');
    assert.equal(connectionsOf(atlas, 'missing.md'), undefined);
  });

  it('says it changed only when what it shows changed', () => {
    const atlas = vault();
    const model = new ConnectionsModel(atlas);
    assert.equal(model.children().length, 0, 'nothing shown before a note is');
    assert.equal(model.show('middleware/eliza.md'), true);
    const groups = model.children();
    assert.equal(groups.length, 5);
    assert.deepEqual(model.children(groups[0]).map((each) => each.kind === 'connection' && each.name), ['Akash', 'Arweave']);
    assert.equal(model.show('middleware/eliza.md'), false, 'the same note again');

    atlas.index.set('infrastructure/arweave.md', note('Arweave', 'infrastructure', 'storage', [], 'A new paragraph, nothing else.'));
    assert.equal(model.refresh(), false, 'an edit elsewhere that changes nothing shown');
    assert.equal(model.children()[0], groups[0], 'the same rows for VS Code');

    atlas.index.set('infrastructure/arweave.md', note('Arweave Permaweb', 'infrastructure', 'storage'));
    assert.equal(model.refresh(), true, 'a dependency renamed');
    assert.deepEqual(read(model.connections)?.dependsOn, ['Akash (negative)', 'Arweave Permaweb (not-assessed)']);

    atlas.index.set('application/new.md', note('Newcomer', 'application', 'defai', [], 'Uses [[Eliza]].'));
    assert.equal(model.refresh(), true, 'a new mention');
    assert.deepEqual(read(model.connections)?.mentionedBy, ['Ledger Scout (negative)', 'Newcomer (positive)', 'Yield Pilot (positive)']);

    atlas.index.delete('middleware/eliza.md');
    assert.equal(model.refresh(), true);
    assert.deepEqual(model.children(), [], 'the note is gone');
    assert.equal(model.show(undefined), false, 'still nothing');
  });
});
