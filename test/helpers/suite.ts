import { describe, it } from 'node:test';

/**
 * What CI must provide (`MSHUB_REQUIRE=redis,chromium,python`): a test file that finds one missing
 * fails instead of skipping, so a broken install cannot pass as a green run.
 */
export function requireWhereDemanded(
  requirement: 'redis' | 'chromium' | 'python' | 'terminal',
  missing: string | false,
): void {
  const demanded = (process.env.MSHUB_REQUIRE ?? '').split(',').map((name) => name.trim());
  if (missing && demanded.includes(requirement))
    throw new Error(
      `${missing}; MSHUB_REQUIRE demands ${requirement} here, so this is a failure, not a skip`,
    );
}

/**
 * A suite that runs only where `missing` is false. Skipped, it counts in the run's skip total (node:test
 * counts a skipped describe in none), with the reason.
 */
export function describeUnless(missing: string | false, name: string, body: () => void): void {
  if (missing) it(name, { skip: missing }, () => {});
  else describe(name, body);
}
