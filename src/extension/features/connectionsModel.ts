// What the Connections view shows for the note in front of you (no `vscode` import, so it is
// tested in plain Node): what it depends on, what depends on it, the notes its body links to,
// those that link to it, and its nearest routes to negatively affected protocols. The view asks
// for the whole list again only when one of these changed, not on every edit.
import type { Atlas } from '../../core/atlas';
import type { VerdictValue } from '../../core/vocabulary/model';

export type ConnectionGroupId = 'dependsOn' | 'dependents' | 'mentions' | 'mentionedBy' | 'exposure';

interface ConnectionGroup {
  readonly kind: 'group';
  readonly group: ConnectionGroupId;
  readonly connections: readonly Connection[];
}

/** One protocol in a group: the note it opens, and, for an exposure, the route to it by name. */
interface Connection {
  readonly kind: 'connection';
  readonly group: ConnectionGroupId;
  readonly path: string;
  readonly name: string;
  readonly verdict: VerdictValue;
  /** Exposure only: the names along the route, from the active note to the negative protocol. */
  readonly route?: readonly string[];
}

export type ConnectionsElement = ConnectionGroup | Connection;

export interface NoteConnections {
  readonly path: string;
  readonly name: string;
  readonly groups: readonly ConnectionGroup[];
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/** The five groups for one note, or undefined when the atlas has no such note. */
export function connectionsOf(atlas: Atlas, path: string): NoteConnections | undefined {
  const index = atlas.index;
  const protocol = index.protocol(path);
  if (!protocol) return undefined;
  const nameOf = (each: string): string => index.note(each)?.name.value ?? each;
  const connection = (group: ConnectionGroupId, each: string, route?: readonly string[]): Connection => ({
    kind: 'connection',
    group,
    path: each,
    name: nameOf(each),
    verdict: atlas.verdictOf(each).value,
    ...(route && { route }),
  });
  const byName = (paths: readonly string[]): string[] => [...paths].sort((a, b) => collator.compare(nameOf(a), nameOf(b)) || (a < b ? -1 : a > b ? 1 : 0));
  const group = (id: ConnectionGroupId, connections: Connection[]): ConnectionGroup => ({ kind: 'group', group: id, connections });
  const exposure = atlas.exposure(path);
  return {
    path,
    name: protocol.name.value,
    groups: [
      // Their own order where the note gives one (depends_on, the body), by name otherwise.
      group('dependsOn', protocol.dependsOn.map((each) => connection('dependsOn', each))),
      group('dependents', byName(index.dependents(path)).map((each) => connection('dependents', each))),
      group('mentions', protocol.mentions.filter((each) => each !== path).map((each) => connection('mentions', each))),
      group('mentionedBy', byName(index.mentioners(path)).map((each) => connection('mentionedBy', each))),
      group('exposure', exposure.nearest.map((each) => connection('exposure', each.path[each.path.length - 1], each.path.map(nameOf)))),
    ],
  };
}

/** Whether two listings read the same (then the view need not be asked to fetch them again). */
function sameConnections(a: NoteConnections | undefined, b: NoteConnections | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.path !== b.path || a.name !== b.name) return false;
  return a.groups.every((group, g) => {
    const other = b.groups[g].connections;
    return (
      group.connections.length === other.length &&
      group.connections.every((each, i) => each.path === other[i].path && each.name === other[i].name && each.verdict === other[i].verdict && (each.route ?? []).join('\n') === (other[i].route ?? []).join('\n'))
    );
  });
}

/**
 * The view's contents, following the active note and the atlas. `show` and `refresh` say whether
 * what is shown changed; the groups are new objects only then, so VS Code's rows stay put.
 */
export class ConnectionsModel {
  private current: NoteConnections | undefined;
  private shownPath: string | undefined;

  constructor(private readonly atlas: Atlas) {}

  /** The note to show (undefined: none). */
  show(path: string | undefined): boolean {
    this.shownPath = path;
    return this.refresh();
  }

  /** Read the shown note's connections again, after a change of the atlas. */
  refresh(): boolean {
    const next = this.shownPath === undefined ? undefined : connectionsOf(this.atlas, this.shownPath);
    if (sameConnections(this.current, next)) return false;
    this.current = next;
    return true;
  }

  get connections(): NoteConnections | undefined {
    return this.current;
  }

  children(element?: ConnectionsElement): readonly ConnectionsElement[] {
    if (element === undefined) return this.current?.groups ?? [];
    return element.kind === 'group' ? element.connections : [];
  }
}
