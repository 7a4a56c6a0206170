// The municipality of every object that belongs to one: its code is the prefix of its id (or, for an
// audit event, what the log recorded), read from the code table.
import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Indicator } from '../types/indicator-types';
import { AuditEvent, Edition } from '../types/ledger-types';
import { Municipality } from '../types/municipality-types';
import { Measure, Project } from '../types/plan-types';
import { municipalityOfCode } from './municipality-resolver';

@Resolver(() => Measure)
export class MeasureMunicipalityResolver {
  @FieldResolver(() => Municipality)
  municipality(@Root() measure: Measure): Municipality {
    return municipalityOfCode(measure.municipality);
  }
}

@Resolver(() => Project)
export class ProjectMunicipalityResolver {
  @FieldResolver(() => Municipality)
  municipality(@Root() project: Project): Municipality {
    return municipalityOfCode(project.municipality);
  }
}

@Resolver(() => Indicator)
export class IndicatorMunicipalityResolver {
  @FieldResolver(() => Municipality)
  municipality(@Root() indicator: Indicator): Municipality {
    return municipalityOfCode(indicator.municipality);
  }
}

@Resolver(() => Edition)
export class EditionMunicipalityResolver {
  @FieldResolver(() => Municipality)
  municipality(@Root() edition: Edition): Municipality {
    return municipalityOfCode(edition.municipality);
  }
}

@Resolver(() => AuditEvent)
export class AuditEventMunicipalityResolver {
  @FieldResolver(() => Municipality, { nullable: true, description: 'null only for events that concern the platform rather than one municipality' })
  municipality(@Root() event: AuditEvent): Municipality {
    return municipalityOfCode(event.municipalityCode);
  }
}
