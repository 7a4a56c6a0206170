// Which input a BAD_USER_INPUT error from graphql-js is about, for `extensions.field`. graphql-js
// reports a bad literal (`at: { recordedAt: "yesterday" }`) with the value's node and a bad variable
// with the variable's definition, but names the input only in its message; a client needs the input
// to show the message next to it.
import { Kind, parse, visit, type ASTNode, type GraphQLError } from 'graphql';

/** `Field "indicatorId" of required type …` / `Field "RecordValueInput.reason" of required type …` */
const MISSING_FIELD = /Field "(?:\w+\.)?(\w+)" of required type/;
/** `Variable "$i" got invalid value … at "i.fiscalYear"; …` */
const VARIABLE_PATH = /^Variable "\$\w+" got invalid value .*? at "([\w.[\]]+)"; /s;

/** With the field a missing-field message names appended (the error points at the object holding it). */
function withMissingField(path: string, message: string): string {
  const missing = MISSING_FIELD.exec(message)?.[1];
  return missing ? `${path}.${missing}` : path;
}

/** `i.values[2].value` → `i.values.2.value`: one separator for clients to split on. */
const dotted = (path: string) => path.replace(/\[(\d+)\]/g, '.$1');

function variableField(error: GraphQLError, name: string): string {
  const path = VARIABLE_PATH.exec(error.message)?.[1];
  return withMissingField(path ? dotted(path) : name, error.message);
}

/** The argument and input-field names down to `target` in the document, e.g. ['at', 'recordedAt']. */
function literalPath(document: ASTNode, target: ASTNode): string[] | null {
  const start = target.loc?.start;
  if (start === undefined) return null;
  const path: Array<string | number> = [];
  let found: string[] | null = null;
  visit(document, {
    enter(node) {
      if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) path.push(node.name.value);
      if (found === null && node.kind === target.kind && node.loc?.start === start) found = path.map(String);
    },
    leave(node) {
      if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) path.pop();
    },
  });
  return found;
}

/** The input a graphql-js input error is about (`at.recordedAt`, `i.fiscalYear`), or null when it names none. */
export function inputFieldOf(error: GraphQLError): string | null {
  const node = error.nodes?.[0];
  if (!node) return null;
  if (node.kind === Kind.VARIABLE_DEFINITION) return variableField(error, node.variable.name.value);
  const source = error.source?.body;
  if (source === undefined) return null;
  let document: ASTNode;
  try {
    document = parse(source, { noLocation: false });
  } catch {
    return null;
  }
  const path = literalPath(document, node);
  return path && path.length > 0 ? withMissingField(path.join('.'), error.message) : null;
}
