// At most one verifyLedger per request. Aliases of it would each wait for the same walk (the ledger runs
// one at a time), or, mixing `full` and not, start two walks of a large log for one request; neither is
// what a client means, so the request is refused before anything runs (GRAPHQL_VALIDATION_FAILED, as every
// limit of one request is), naming the field.
import { GraphQLError, Kind, type ASTVisitor, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

const FIELD = 'verifyLedger';
/** The error points at this many of the fields at most. */
const MAX_NODES = 10;

interface Found {
  count: number;
  nodes: FieldNode[];
}

/**
 * How many verifyLedger fields a selection set selects at the root, through fragments and inline
 * fragments, and the first of them. A fragment spread twice counts twice; each fragment is counted once
 * (memo), so a fragment bomb (each fragment spreading the next twice) costs its length, not 2^n; a
 * cycle (refused by NoFragmentCyclesRule) is not followed.
 */
function verifyFields(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, memo: Map<string, Found>, onPath: Set<string>): Found {
  let count = 0;
  const nodes: FieldNode[] = [];
  const add = (found: Found) => {
    count += found.count;
    for (const node of found.nodes) if (nodes.length < MAX_NODES) nodes.push(node);
  };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === FIELD) add({ count: 1, nodes: [selection] });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      add(verifyFields(selection.selectionSet, fragments, memo, onPath));
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || onPath.has(name)) continue;
      let found = memo.get(name);
      if (found === undefined) {
        onPath.add(name);
        found = verifyFields(fragment.selectionSet, fragments, memo, onPath);
        onPath.delete(name);
        memo.set(name, found);
      }
      add(found);
    }
  }
  return { count, nodes };
}

export const oneVerifyPerRequestRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  Document(document) {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    const memo = new Map<string, Found>();
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION || definition.operation !== 'query') continue;
      const { count, nodes } = verifyFields(definition.selectionSet, fragments, memo, new Set());
      if (count <= 1) continue;
      context.reportError(
        new GraphQLError(`${FIELD} may be asked at most once per request, and this one asks it ${count} times: send one ${FIELD} (with full: true to walk the whole log)`, {
          nodes,
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', field: FIELD },
        }),
      );
    }
  },
});
