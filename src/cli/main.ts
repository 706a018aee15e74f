// The protocol-atlas command. Subcommands arrive with the core (report, graph, search, compare, check).
const [command] = process.argv.slice(2);
if (!command || command === '--help' || command === '-h') {
  console.log('Usage: protocol-atlas <command> [options]\n\nCommands arrive with the core.');
  process.exit(0);
}
console.error(`protocol-atlas: unknown command '${command}'. Run protocol-atlas --help.`);
process.exit(2);
