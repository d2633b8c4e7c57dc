import { msg } from './messages/format-message.js';
import type { Message } from './messages/message-spec.js';

/**
 * The command the bot's messages tell contributors to run. A hub vendors the single-file build
 * (`dist/mshub-review.mjs`) at VENDORED_CLI_PATH, or names its own command in
 * `.github/mshub-review.yml` (`command:`). Without either there is no command that would work for a
 * contributor, and the messages say what to do without one.
 */
export const VENDORED_CLI_PATH = 'tools/mshub-review.mjs';

export const VENDORED_CLI_COMMAND = `node ${VENDORED_CLI_PATH}`;

/** The `command:` setting: what fits in a code span and a shell line, nothing a shell would expand. */
export const LOCAL_COMMAND_PATTERN = '^[A-Za-z0-9_./@:+=-]+( [A-Za-z0-9_./@:+=-]+)*$';

/** The single-file build as a contributor downloads it from the bot (`serve`'s /cli/). */
export const DOWNLOADED_CLI_COMMAND = 'node mshub-review.mjs';

/**
 * The configured command, else the vendored build when the hub holds it, else the build the bot
 * publishes when it has an address (`cliUrl`), else none.
 */
export function resolveLocalCommand(
  configured: string | undefined,
  hubHasVendoredCli: boolean,
  cliUrl?: string,
): string | undefined {
  if (configured !== undefined) return configured;
  if (hubHasVendoredCli) return VENDORED_CLI_COMMAND;
  return cliUrl === undefined ? undefined : DOWNLOADED_CLI_COMMAND;
}

/** How to compute a digest: with mshub-review when the hub has it, else with what every system has. */
export function digestCommand(localCommand: string | undefined, target = '<file>'): Message {
  if (localCommand !== undefined) return msg('digest-command.local', { command: localCommand, target });
  return msg('digest-command.system', { target });
}
