import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql';
import { LIMIT_VARIABLES } from '../../../config/limits';

/**
 * Refuses __schema and __type (not __typename, which clients use to tell types apart). Apollo's own
 * switch (`introspection: false`) does the same but tells clients to change the server's code; this
 * one names the setting.
 */
export const noIntrospectionRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  Field(node) {
    const name = node.name.value;
    if (name !== '__schema' && name !== '__type') return;
    context.reportError(
      new GraphQLError(`introspection (${name}) is switched off on this server; the schema is published as schema/schema.graphql`, {
        nodes: [node],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: LIMIT_VARIABLES.introspection },
      }),
    );
  },
});
