// Every root field of a mutation is authorized before the first of them writes. graphql-js runs root
// mutation fields one after another, so a guard inside each resolver would run the second field's
// check only after the first field had committed: the decision for a later field could then depend
// on what an earlier one wrote or on a token that expired in between. Deciding them all up front
// (when the operation is known, before execution) makes each field's refusal a fact about the
// request as it arrived; each field then answers on its own (the contract's nullable mutation
// fields), so an allowed field keeps its answer and a refused one writes nothing.
import { getArgumentValues, getVariableValues, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
// graphql-js's own root-field collection (fragments, @skip/@include), as execution will do it; graphql is pinned.
import { collectFields } from 'graphql/execution/collectFields';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ForbiddenError, UnauthenticatedError, requireRole } from '../auth/authorization';
import type { RequestContext } from './context';
import { requireEditorOfIndicator, requireImporter } from './guards';

type Arguments = Readonly<Record<string, unknown>>;
export type MutationGuard = (context: RequestContext, args: Arguments) => Promise<void> | void;

/** A string field of the mutation's `input` (an input that has none fails in the resolver, as before). */
function inputString(args: Arguments, key: string): string | null {
  const input = args['input'];
  if (typeof input !== 'object' || input === null) return null;
  const value: unknown = Reflect.get(input, key);
  return typeof value === 'string' ? value : null;
}

/**
 * An editor of the department owning the indicator the input's `key` names, or an admin: recordValue's
 * `indicatorId`, and linkIndicator's `to`, whose editors decide what it continues.
 */
const editorOfIndicatorIn =
  (key: string, action: string): MutationGuard =>
  async (context, args) => {
    const indicatorId = inputString(args, key);
    // The schema requires the id; without one, at least the role is checked (never an open door).
    if (indicatorId === null) requireRole(context.principal, ['editor', 'admin'], action);
    else await requireEditorOfIndicator(context, indicatorId, action);
  };

const editorOfIndicator = editorOfIndicatorIn('indicatorId', 'recordValue');
const admin: MutationGuard = (context, args) => requireImporter(context, inputString(args, 'municipality'), 'importReport');

/** Each writing root field's check, by field name; the resolvers run the same check when nothing was decided up front. */
export const MUTATION_GUARDS: Readonly<Record<string, MutationGuard>> = {
  recordValue: editorOfIndicator,
  recordIndicatorValue: editorOfIndicator,
  linkIndicator: editorOfIndicatorIn('to', 'linkIndicator'),
  importReport: admin,
  importEvaluationReport: admin,
};

/** Per request: each root field's decision by response key, null when it is allowed. */
const decisions = new WeakMap<RequestContext, Map<string, Error | null>>();

const isRefusal = (error: unknown): error is Error => error instanceof ForbiddenError || error instanceof UnauthenticatedError;

/**
 * Decides every root mutation field of the operation now, before any of them runs. A check that fails
 * for another reason than a refusal (an unknown indicator, say) leaves that field to its resolver,
 * which answers it in its turn: an earlier field of the request may have created what it names.
 */
export async function authorizeMutationFields(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Readonly<Record<string, unknown>> | undefined,
  context: RequestContext,
): Promise<void> {
  const mutationType = schema.getMutationType();
  if (operation.operation !== 'mutation' || !mutationType) return;
  // Bad variables are refused by execution with their own error before any field runs.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const decided = new Map<string, Error | null>();
  const fields = mutationType.getFields();
  const checks: Array<Promise<void>> = [];
  for (const [responseKey, nodes] of collectFields(schema, fragments, coerced.coerced, mutationType, operation.selectionSet)) {
    const node = nodes[0];
    const guard = node ? MUTATION_GUARDS[node.name.value] : undefined;
    const definition = node ? fields[node.name.value] : undefined;
    if (!node || !guard || !definition) continue;
    // Reads only, run together so the indicators they look up are loaded in one batch.
    const check = async () => guard(context, getArgumentValues(definition, node, coerced.coerced));
    checks.push(
      check().then(
        () => void decided.set(responseKey, null),
        (error: unknown) => {
          if (isRefusal(error)) decided.set(responseKey, error);
        },
      ),
    );
  }
  await Promise.all(checks);
  decisions.set(context, decided);
}

/**
 * In a writing resolver, before it writes: the decision made up front for this field, or (for a
 * caller that executes the schema itself, or a field left undecided) the field's own check now.
 */
export async function authorizeMutationField(context: RequestContext, info: GraphQLResolveInfo, args: Arguments): Promise<void> {
  const decided = decisions.get(context)?.get(String(info.path.key));
  if (decided === null) return;
  if (decided !== undefined) throw decided;
  const guard = MUTATION_GUARDS[info.fieldName];
  // A writing field without a check is a programming error, never an open door.
  if (!guard) throw new Error(`no authorization check for Mutation.${info.fieldName}`);
  await guard(context, args);
}

/** Over HTTP: every mutation's root fields decided once the operation is known, before execution. */
export const authorizeMutationsFirst: ApolloServerPlugin<RequestContext & BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, operation, request, contextValue }) {
        if (operation) await authorizeMutationFields(schema, document, operation, request.variables, contextValue);
      },
    };
  },
};
