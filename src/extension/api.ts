// What Protocol Atlas gives another extension: `activate()` of
// vscode.extensions.getExtension('protocol-atlas.protocol-atlas') resolves to a ProtocolAtlasApi.
// Read-only and small, so it can stay the same from release to release: the protocols of the
// workspace with their verdicts under the active framework, that framework, and an event when any
// of it changes. Everything handed out is a copy; changing it changes nothing in the atlas. A
// release that changes this shape incompatibly raises `version`.
import type * as vscode from 'vscode';
import type { Protocol } from '../core/vocabulary/protocol';
import type { Horizon, Layer, VerdictValue } from '../core/vocabulary/model';
import type { AtlasService } from './atlasService';
import type { WorkspaceFrameworks } from './workspaceFrameworks';

export interface ProtocolAtlasApi {
  readonly version: 1;
  /** Settles once the workspace's first index is built and its remembered framework applied. */
  readonly ready: Promise<void>;
  /** Every protocol note in the workspace, in path order. */
  protocols(): AtlasProtocol[];
  /** The protocol a note file holds, or undefined when the file is not an indexed note. */
  protocol(uri: vscode.Uri): AtlasProtocol | undefined;
  /** The framework the verdicts come from. */
  readonly framework: { id: string; title: string };
  /** Fires after a note, a link between notes or the framework changed: ask again for what you show. */
  readonly onDidChange: vscode.Event<void>;
}

export interface AtlasProtocol {
  /** The note file. */
  uri: vscode.Uri;
  name: string;
  aliases: string[];
  layer: Layer;
  category?: string;
  tags: string[];
  /** The note files it depends on (its `depends_on` that name a note), in order. */
  dependsOn: vscode.Uri[];
  /** How the active framework judges it (or the note's own override). */
  verdict: AtlasVerdict;
}

export interface AtlasVerdict {
  value: VerdictValue;
  rationale: string;
  /** The section of the framework's source the rule cites; absent when not assessed. */
  section?: string;
  source: 'framework' | 'override';
  /** A second reading over the other horizon, e.g. negative short-term, positive long-term. */
  outlook?: { horizon: Horizon; value: VerdictValue; rationale: string };
}

export function createApi(service: AtlasService, frameworks: WorkspaceFrameworks): ProtocolAtlasApi {
  const describe = (protocol: Protocol): AtlasProtocol | undefined => {
    const uri = service.uriOf(protocol.path);
    if (!uri) return undefined;
    const verdict = service.atlas.verdictOf(protocol.path);
    return {
      uri,
      name: protocol.name.value,
      aliases: [...protocol.aliases],
      layer: protocol.layer.value,
      ...(protocol.category && { category: protocol.category.value }),
      tags: [...protocol.tags],
      dependsOn: protocol.dependsOn.flatMap((path) => service.uriOf(path) ?? []),
      verdict: {
        value: verdict.value,
        rationale: verdict.rationale,
        ...(verdict.section !== undefined && { section: verdict.section }),
        source: verdict.source,
        ...(verdict.outlook && { outlook: { ...verdict.outlook } }),
      },
    };
  };
  return {
    version: 1,
    ready: Promise.all([service.ready, frameworks.ready]).then(() => undefined),
    protocols: () => service.atlas.protocols().flatMap((protocol) => describe(protocol) ?? []),
    protocol: (uri) => {
      if (!service.isNote(uri)) return undefined;
      const protocol = service.atlas.index.protocol(service.pathOf(uri));
      return protocol && describe(protocol);
    },
    get framework() {
      const { id, title } = service.atlas.framework;
      return { id, title };
    },
    onDidChange: (listener, thisArgs, disposables) => service.onDidChange(() => listener.call(thisArgs), undefined, disposables),
  };
}
