// Types for generate-example-vault.js, for the unit test that checks the committed vault.
export function generate(seed?: number): Array<{ path: string; text: string }>;
