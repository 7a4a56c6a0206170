import { GraphQLJSONObject } from 'graphql-scalars';
import type { JsonObject } from '../../shared/json';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLISODateTime } from 'type-graphql';
import { StatementSource, ValueChange } from './indicator-types';
import { Node } from './node-types';
import { Project } from './plan-types';
import { currentEvent, type LedgerEvent, type LedgerEventType } from '../../../events/catalogue';
import { LedgerEventPayloadUnion, LedgerEventTypeEnum, payloadOf, type LedgerEventPayload } from '../event-payloads';

@ObjectType({ simpleResolvers: true, implements: Node })
export class Edition implements Node {
  readonly nodeType = 'Edition';
  @Field(() => ID, { description: 'Its municipality and fiscal year: 062073:edition-2021' }) get id(): string {
    return `${this.municipality}:edition-${this.fiscalYear}`;
  }
  /** Its municipality's code. */
  municipality!: string;
  @Field(() => Int) fiscalYear!: number;
  @Field(() => String, { description: 'e.g. 令和3年度' }) label!: string;
  @Field(() => GraphQLISODateTime) importedAt!: Date;
  @Field(() => String) sourceSha256!: string;
  @Field(() => Int) eventCount!: number;
}

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean, { description: 'More follow this page: after its end (first), or after `before` (last)' }) hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Null on an empty page' }) endCursor!: string | null;
  @Field(() => Boolean, { description: 'More precede this page: before its start (last), or up to `after` (first)' }) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Null on an empty page' }) startCursor!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class ProjectEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Project) node!: Project;
}

@ObjectType({ simpleResolvers: true })
export class ProjectConnection {
  @Field(() => [ProjectEdge]) edges!: ProjectEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType({ simpleResolvers: true })
export class AuditEvent {
  @Field(() => ID) id!: string;
  /** The code of the municipality it belongs to (the field `municipality` resolves it). */
  municipalityCode!: string;
  @Field(() => String, { description: 'Global position in the log' }) position!: string;
  @Field(() => String) streamId!: string;
  @Field(() => Int) streamRevision!: number;
  @Field(() => String) type!: string;
  @Field(() => GraphQLISODateTime) recordedAt!: Date;
  @Field(() => String) actor!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => Int, { nullable: true }) edition!: number | null;
  @Field(() => StatementSource, {
    nullable: true,
    description: 'Where an imported event\'s statement stands: the file, its SHA-256 and line, or sheet and cell (extension); null for a direct edit',
  })
  source!: StatementSource | null;
  @Field(() => GraphQLJSONObject) data!: JsonObject;
  @Field(() => String, { description: 'SHA-256 over this event and previousHash: the log is a hash chain' }) hash!: string;
  @Field(() => String, { nullable: true }) previousHash!: string | null;
  @Field(() => String, {
    description: 'Its auditTrail cursor (extension): after a live event, read what followed it with auditTrail(after: cursor)',
  })
  cursor!: string;

  /** The typed event, worked out when a client asks for eventType or payload. */
  private typed(): LedgerEvent {
    return currentEvent(this.type, this.data, Number(this.position));
  }

  @Field(() => LedgerEventTypeEnum, { description: '`type` as an enum of the event catalogue (extension; `type` stays a String)' })
  get eventType(): LedgerEventType {
    return this.typed().type;
  }

  @Field(() => LedgerEventPayloadUnion, { description: '`data` typed by the event\'s type (extension): `... on TargetSetPayload { value }`' })
  get payload(): LedgerEventPayload {
    return payloadOf(this.typed());
  }
}

@ObjectType({ simpleResolvers: true })
export class AuditEventEdge {
  @Field(() => String) cursor!: string;
  @Field(() => AuditEvent) node!: AuditEvent;
}

@ObjectType({ simpleResolvers: true })
export class AuditEventConnection {
  @Field(() => [AuditEventEdge]) edges!: AuditEventEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType({ simpleResolvers: true })
export class ImportResult {
  @Field(() => Int) edition!: number;
  @Field(() => Boolean) dryRun!: boolean;
  @Field(() => Int) eventsAppended!: number;
  @Field(() => Int, { description: 'Events the import appends, or on a dry run would append (extension)' }) eventsPlanned!: number;
  @Field(() => Int) measures!: number;
  @Field(() => Int) projects!: number;
  @Field(() => Int) indicators!: number;
  @Field(() => [ValueChange]) changes!: ValueChange[];
  @Field(() => [String]) warnings!: string[];
}
