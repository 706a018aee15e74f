// The example workspace's notes, read once, and an index over them, for the editing tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ProtocolIndex } from '../../../src/core/index/protocolIndex';
import type { NoteText } from '../../../src/core/editing/rename';

const ROOT = path.resolve(__dirname, '../../../examples/deepseek-2025');

export function exampleNotes(): NoteText[] {
  const notes: NoteText[] = [];
  for (const folder of fs.readdirSync(ROOT)) {
    for (const file of fs.readdirSync(path.join(ROOT, folder))) {
      if (file.endsWith('.md')) notes.push({ path: `${folder}/${file}`, text: fs.readFileSync(path.join(ROOT, folder, file), 'utf8') });
    }
  }
  return notes;
}

export function indexOf(notes: readonly NoteText[]): ProtocolIndex {
  const index = new ProtocolIndex();
  index.build(notes);
  return index;
}

export function textOf(notes: readonly NoteText[], path: string): string {
  const note = notes.find((each) => each.path === path);
  if (!note) throw new Error(`${path} is not an example note`);
  return note.text;
}
