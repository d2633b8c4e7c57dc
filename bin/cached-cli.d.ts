import type { ProgramIo } from '../src/cli/main.js';

export declare const CACHED_CLI_FOLDER: string;

export interface CachedCli {
  runCli(argv: readonly string[], io: ProgramIo): Promise<number>;
  cacheAccepted: boolean;
  createCache(): Buffer;
  cacheFile: string;
}

export declare function loadCachedCli(folder?: string): CachedCli | undefined;
