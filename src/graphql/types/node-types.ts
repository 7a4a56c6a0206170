import { Field, ID, InterfaceType } from 'type-graphql';

export type NodeType = 'Indicator' | 'Measure' | 'Project' | 'Edition';

/** Relay's global object identification: every entity can be read again by its id with Query.node. */
@InterfaceType({
  description: 'An object Query.node can read again by its id (Relay global object identification)',
  resolveType: (value: Node) => value.nodeType,
})
export abstract class Node {
  @Field(() => ID) id!: string;
  /** Which object type this is: the interface's type resolution reads it. */
  abstract readonly nodeType: NodeType;
}
