// The test build only (PROTOCOL_ATLAS_TEST_HOOKS, scripts/bundles.js): the integration tests read
// and drive the extension's own objects, which are no part of the API a user extension relies on
// (api.ts). They hang off the API object under a registered symbol, out of its type and its keys;
// a production build drops the one call that puts them there.
import type { AtlasService } from './atlasService';
import type { ConnectionsView } from './features/connectionsView';
import type { ProtocolsTree } from './features/protocolsTree';
import type { ProtocolSearchView } from './features/search';
import type { StatusBar } from './features/statusBar';
import type { WorkspaceFrameworks } from './workspaceFrameworks';

export interface AtlasInternals {
  service: AtlasService;
  frameworks: WorkspaceFrameworks;
  protocolsTree: ProtocolsTree;
  connections: ConnectionsView;
  search: ProtocolSearchView;
  statusBar: StatusBar;
}

/** Symbol.for of this is the key: the test bundle is another module graph, the registry is shared. */
export const INTERNALS_KEY = 'protocolAtlas.testInternals';

export function exposeInternals(api: object, internals: AtlasInternals): void {
  Object.defineProperty(api, Symbol.for(INTERNALS_KEY), { value: internals });
}
