import {
  PATHOLOGICAL_FILES,
  perByteGrowth,
  roomyConfig,
  timeCheck,
} from '../test/helpers/pathological-files.js';

export interface PathologicalCase {
  name: string;
  /** Milliseconds to validate and catalogue a 1 MiB file of this kind. */
  megabyteMs: number;
  /** Cost per byte at 768 KiB over the cost per byte at 96 KiB: about 1 when linear. */
  growth: number;
}

/** Files built to make a rule super-linear: each must stay linear in its size. */
export function benchPathologicalFiles(): PathologicalCase[] {
  const config = roomyConfig();
  return Object.entries(PATHOLOGICAL_FILES).map(([name, make]) => ({
    name,
    megabyteMs: timeCheck(make(1024 * 1024), config),
    growth: perByteGrowth(make, 96 * 1024, config),
  }));
}
