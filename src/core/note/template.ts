// The note New Protocol Note… writes: the front matter the index reads, with the fields a
// researcher fills in next left visibly empty rather than guessed.
import type { ClassifiedLayer } from '../vocabulary/model';
import { categoryById } from '../vocabulary/taxonomy';

export interface NoteTemplateInput {
  name: string;
  layer?: ClassifiedLayer;
  /** A canonical category id (see taxonomy). */
  category?: string;
}

/** The note's text. Values are quoted whenever YAML could read them as something else. */
export function protocolNoteTemplate({ name, layer, category }: NoteTemplateInput): string {
  const title = name.trim();
  const label = category ? categoryById(category)?.label : undefined;
  return [
    '---',
    `protocol: ${yamlString(title)}`,
    'aliases: []',
    ...(layer ? [`layer: ${layer}`] : ['# layer: infrastructure | middleware | model | application']),
    ...(category ? [`category: ${yamlString(category)}`] : []),
    'depends_on: []',
    'tags: []',
    '---',
    '',
    `# ${title.replace(/[\r\n]+/g, ' ')}`,
    '',
    `What ${title} provides${label ? ` (${label.toLowerCase()})` : ''}, and who uses it.`,
    '',
    '## What the article says',
    '',
    '## Open questions',
    '',
  ].join('\n');
}

/** A file name for the note: lower-case words joined by hyphens, e.g. "io.net" → "io-net.md". */
export function noteFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  // Windows reserves these names in every folder, with any extension: `con.md` cannot be created.
  const safe = WINDOWS_DEVICE_NAMES.test(slug) ? `${slug}-protocol` : slug;
  return `${safe || 'protocol'}.md`;
}

const WINDOWS_DEVICE_NAMES = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Why a name cannot be a protocol's name, or undefined when it can. */
export function invalidProtocolName(name: string): string | undefined {
  if (name.trim() === '') return 'Give the protocol a name.';
  if (/[\r\n]/.test(name)) return 'A protocol name is one line.';
  if (name.length > 200) return 'A protocol name is at most 200 characters.';
  return undefined;
}

function yamlString(value: string): string {
  const plain = /^[\p{L}\p{N}][\p{L}\p{N} ._()-]*$/u.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) && !/^[\d.]+$/.test(value);
  return plain && !/\s$/.test(value) ? value : JSON.stringify(value);
}
