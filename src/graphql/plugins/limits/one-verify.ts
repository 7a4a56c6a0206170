// At most one verifyLedger per request. Aliases of it would each wait for the same walk (the ledger runs
// one at a time), or, mixing `full` and not, start two walks of a large log for one request; neither is
// what a client means, so the request is refused before anything runs (GRAPHQL_VALIDATION_FAILED, as every
// limit of one request is), naming the field.
import { GraphQLError, Kind, type ASTVisitor, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

const FIELD = 'verifyLedger';

/** The verifyLedger fields an operation selects at its root, through fragments and inline fragments. */
function verifyFields(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, seen: Set<string>, found: FieldNode[]): FieldNode[] {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === FIELD) found.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      verifyFields(selection.selectionSet, fragments, seen, found);
    } else {
      const fragment = fragments.get(selection.name.value);
      // A fragment spread twice counts twice; a cycle (refused by NoFragmentCyclesRule) is not followed.
      if (!fragment || seen.has(fragment.name.value)) continue;
      seen.add(fragment.name.value);
      verifyFields(fragment.selectionSet, fragments, seen, found);
      seen.delete(fragment.name.value);
    }
  }
  return found;
}

export const oneVerifyPerRequestRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  Document(document) {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION || definition.operation !== 'query') continue;
      const fields = verifyFields(definition.selectionSet, fragments, new Set(), []);
      if (fields.length <= 1) continue;
      context.reportError(
        new GraphQLError(`${FIELD} may be asked at most once per request, and this one asks it ${fields.length} times: send one ${FIELD} (with full: true to walk the whole log)`, {
          nodes: fields,
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', field: FIELD },
        }),
      );
    }
  },
});
