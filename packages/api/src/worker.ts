// The worker's entry point: Node's compile cache on (see main.ts), then boot.
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./worker-boot.js');
