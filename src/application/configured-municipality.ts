// A municipality named in the environment: a code or a name, as anywhere else, but a bad one stops the
// start with a ConfigurationError naming the variable (the CLI prints it without a stack trace).
import { DomainError } from '../domain/domain-error';
import { resolveMunicipality } from '../domain/municipalities/municipality-table';
import { ConfigurationError } from '../shared/configuration-error';

export function configuredMunicipality(value: string, variable: string): string {
  try {
    return resolveMunicipality(value, variable).code;
  } catch (error) {
    if (error instanceof DomainError) throw new ConfigurationError(`${variable}: ${error.message}`);
    throw error;
  }
}
