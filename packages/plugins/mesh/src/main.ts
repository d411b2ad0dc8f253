// `pnpm mesh`: runs the MESH plugin as its own process, configured by MESH_* variables (see
// README.md): the hub mailbox poller and the write-back bridge. Stops cleanly on SIGTERM/SIGINT.
import { MeshEnvError, meshConfigFromEnv } from './mesh.env.js';
import { startMeshPlugin } from './mesh.plugin.js';

let config;
try {
  config = meshConfigFromEnv(process.env);
} catch (error) {
  if (!(error instanceof MeshEnvError)) throw error;
  process.stderr.write(`pcn-hub MESH plugin: ${error.message}\n`);
  process.exit(2);
}
const plugin = await startMeshPlugin(config);
process.stderr.write(`pcn-hub MESH plugin running; write-back bridge at ${plugin.bridgeUrl}\n`);
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    plugin.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
