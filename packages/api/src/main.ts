// The entry point: enables Node's on-disk compile cache before anything else is loaded, so a
// restart skips re-compiling the API's and its libraries' JavaScript (a large share of startup),
// then boots. The cache lives in the OS temporary directory unless NODE_COMPILE_CACHE says where.
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./boot.js');
