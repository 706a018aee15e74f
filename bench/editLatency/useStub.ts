// Makes `require('vscode')` load the stub; imported before anything that imports `vscode`.
import Module from 'node:module';

const stub = require.resolve('./vscodeStub');
const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolve = loader._resolveFilename;
loader._resolveFilename = function (request: string, ...rest: unknown[]): string {
  return request === 'vscode' ? stub : resolve.call(this, request, ...rest);
};
