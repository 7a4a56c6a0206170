// How deeply one operation nests its fields. Introspection (__schema, __type) is not counted: it is
// switched off in production, and graphql-js's own MaxIntrospectionDepthRule (one of the specified
// rules every server runs) refuses the nested introspection that makes it expensive.
import {
  Kind,
  type ASTVisitor,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { limitError } from './limit-error';

const INTROSPECTION_ROOTS: ReadonlySet<string> = new Set(['__schema', '__type']);

type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

function fragmentsOf(definitions: readonly DefinitionNode[]): Fragments {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return fragments;
}

/**
 * The depth of a selection set: `{ a }` is 1, `{ a { b } }` is 2. Fragments count where they are spread;
 * a fragment cycle (refused by NoFragmentCyclesRule anyway) is not followed twice on one path, and
 * each fragment's depth is computed once.
 */
function selectionDepth(selectionSet: SelectionSetNode, fragments: Fragments, memo: Map<string, number>, onPath: Set<string>): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    switch (selection.kind) {
      case Kind.FIELD: {
        if (INTROSPECTION_ROOTS.has(selection.name.value)) break;
        const below = selection.selectionSet ? selectionDepth(selection.selectionSet, fragments, memo, onPath) : 0;
        deepest = Math.max(deepest, 1 + below);
        break;
      }
      case Kind.INLINE_FRAGMENT:
        deepest = Math.max(deepest, selectionDepth(selection.selectionSet, fragments, memo, onPath));
        break;
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || onPath.has(name)) break;
        let depth = memo.get(name);
        if (depth === undefined) {
          onPath.add(name);
          depth = selectionDepth(fragment.selectionSet, fragments, memo, onPath);
          onPath.delete(name);
          memo.set(name, depth);
        }
        deepest = Math.max(deepest, depth);
        break;
      }
    }
  }
  return deepest;
}

/** The depth of each operation in a document (introspection excepted). */
export function operationDepths(document: DocumentNode): Map<OperationDefinitionNode, number> {
  const fragments = fragmentsOf(document.definitions);
  const memo = new Map<string, number>();
  const depths = new Map<OperationDefinitionNode, number>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) depths.set(definition, selectionDepth(definition.selectionSet, fragments, memo, new Set()));
  }
  return depths;
}

const describe = (operation: OperationDefinitionNode): string =>
  operation.name ? `operation ${operation.name.value}` : `the ${operation.operation}`;

/** A validation rule refusing any operation that nests fields deeper than `maxDepth`. */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      for (const [operation, depth] of operationDepths(document)) {
        if (depth > maxDepth) {
          context.reportError(
            limitError('maxDepth', maxDepth, depth, `${describe(operation)} nests fields ${depth} deep; at most ${maxDepth} are allowed`, [operation]),
          );
        }
      }
    },
  });
}
