// A minimal event emitter so the core can publish changes without the VS Code API
// (the same shape as vscode.EventEmitter, so adapters can forward events one to one).

export interface Disposable {
  dispose(): void;
}

export type Listener<T> = (event: T) => void;

export class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>();

  /** Subscribe; dispose the result to unsubscribe. */
  readonly event = (listener: Listener<T>): Disposable => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(event: T): void {
    // A throwing listener must not stop the others from hearing about the change.
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error('[protocol-atlas] listener failed:', error);
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
