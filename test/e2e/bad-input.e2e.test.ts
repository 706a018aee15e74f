// One unreadable note must not hide the others: files that are not UTF-8 text are skipped, the
// rest are drawn, and the "Protocol Atlas" output channel says which files were skipped and why.
// (Tests run as root, where chmod 000 does not stop reads: binary content stands in for that.)
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { EXTENSION_SOURCE, Workbench, screenshotOnFailure } from './workbench';
import { inGraph, openGraph } from './graphView';

describe(`Bad notes in the workspace (e2e, extension ${EXTENSION_SOURCE})`, () => {
  let workbench: Workbench;
  screenshotOnFailure(() => workbench);

  before(async () => {
    workbench = await Workbench.open({
      prepareWorkspace(dir) {
        // A binary file named like a note.
        fs.writeFileSync(path.join(dir, 'infrastructure', 'binary-blob.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
        // Latin-1 text: 0xe9 alone is not valid UTF-8.
        fs.writeFileSync(path.join(dir, 'middleware', 'latin1.md'), Buffer.from('# Caf\xe9 protocol\n', 'latin1'));
        // A folder whose name ends in .md, holding a real note.
        fs.mkdirSync(path.join(dir, 'folder.md'));
        fs.writeFileSync(path.join(dir, 'folder.md', 'inside.md'), '# Inside\n\nA note in a folder named like a file.\n');
      },
    });
  });

  after(async () => {
    await workbench?.close();
  });

  it('draws the readable notes and reports the skipped ones in the output channel', async () => {
    const view = await openGraph(workbench);
    const listed = (await inGraph(view, (graph) => graph.nodes())).map((node) => node.id);

    assert.ok(listed.includes('model/bittensor.md'), `the good notes are drawn: ${listed.join(', ')}`);
    assert.ok(listed.includes('folder.md/inside.md'), `a note inside a folder named *.md is drawn: ${listed.join(', ')}`);
    assert.ok(!listed.includes('infrastructure/binary-blob.md'), 'the binary file is not drawn');
    assert.ok(!listed.includes('middleware/latin1.md'), 'the invalid UTF-8 file is not drawn');
    assert.match(await view.locator('[data-testid="status"]').innerText(), /2 files skipped: see the Protocol Atlas output/);

    const output = await workbench.outputChannelText('Protocol Atlas');
    await workbench.screenshot('bad-input-output');
    assert.match(output, /Skipped infrastructure\/binary-blob\.md/, `binary file reported:\n${output}`);
    assert.match(output, /Skipped middleware\/latin1\.md/, `invalid UTF-8 file reported:\n${output}`);
  });
});
