/**
 * A value in the environment the server cannot run with. Its message names the variable and what it
 * must be; the CLI prints only that, since a stack trace would only bury it.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}
