// The graph as the app receives it: the extension's 'graph' message for the synthetic atlas.
import type { Fixture } from './fixture';

export interface AppGraph {
  message?: unknown;
  /** Why the app cannot be measured yet, when it cannot. */
  note?: string;
}

export function appGraphMessage(_fixture: Fixture): AppGraph {
  return { note: "the app has no graph renderer yet (src/webviewProtocol.ts has no 'graph' message)" };
}
