// A report's commands carry the line that stated them: what the domain refuses is reported at that line
// of that document, as a parse error the person who typed the report can act on.
import type { Decider } from '../../domain/decider';
import { DomainError } from '../../domain/domain-error';
import type { ParsedDocument } from '../../importer/parse-documents';
import { ReportParseError } from '../../importer/report-errors';

/** `decider`, with its BAD_USER_INPUT refusals turned into ReportParseErrors citing `part`. */
export function citingLines<Command, State>(decider: Decider<Command, State>, part: ParsedDocument | undefined): Decider<Command, State> {
  return {
    initialState: decider.initialState,
    evolve: decider.evolve,
    decide(command, state) {
      try {
        return decider.decide(command, state);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'BAD_USER_INPUT') throw error;
        const fields = command as unknown as Record<string, unknown>;
        const line = typeof fields['line'] === 'number' ? fields['line'] : 1;
        const field = error.field ?? 'value';
        const found = field === 'value' && typeof fields['text'] === 'string' ? fields['text'] : fields[field];
        throw new ReportParseError(line, `a ${field} the ledger accepts (${error.message})`, typeof found === 'string' ? found : JSON.stringify(found ?? null), part?.file);
      }
    },
  };
}
