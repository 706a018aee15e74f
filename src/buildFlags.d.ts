// Set by esbuild's `define` in every bundle (scripts/bundles.js): true only in the test build, so
// the code it guards is left out of what a user installs.
declare const PROTOCOL_ATLAS_TEST_HOOKS: boolean;
