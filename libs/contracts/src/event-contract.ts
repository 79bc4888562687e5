import { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler, TypeCheck } from '@sinclair/typebox/compiler';
import './formats';

/** One event type: the single source its TypeScript type, runtime check and AsyncAPI entry come from. */
export interface EventContract<S extends TSchema = TSchema> {
  /** The CloudEvents `type`: `obolus.<service>.<aggregate>.<event>.v<major>`. */
  type: string;
  topic: string;
  /** The CloudEvents `source` of events of this type: the producing service. */
  source: string;
  summary: string;
  data: S;
  /** What the Kafka message key is, when it is not the account id (e.g. 'The test clock id'). */
  key?: string;
}

export type EventData<C extends EventContract> = Static<C['data']>;

export interface SchemaViolation {
  path: string;
  message: string;
}

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();

function checkerOf(schema: TSchema): TypeCheck<TSchema> {
  let checker = compiled.get(schema);
  if (!checker) {
    checker = TypeCompiler.Compile(schema);
    compiled.set(schema, checker);
  }
  return checker;
}

export function defineEvent<S extends TSchema>(contract: EventContract<S>): EventContract<S> {
  if (!/^obolus\.[a-z-]+\.[a-z-]+(\.[a-z-]+)+\.v\d+$/.test(contract.type)) {
    throw new Error(`event type '${contract.type}' does not follow obolus.<service>.<aggregate>.<event>.v<n>`);
  }
  checkerOf(contract.data);
  return contract;
}

/** Every violation of the contract's payload schema; empty when the payload is valid. */
export function violationsOf(contract: EventContract, data: unknown): SchemaViolation[] {
  return [...checkerOf(contract.data).Errors(data)].map((error) => ({
    path: error.path || '/',
    message: error.message,
  }));
}

export class EventSchemaError extends Error {
  readonly code = 'EVENT_SCHEMA_VIOLATION';
  constructor(
    readonly eventType: string,
    readonly violations: SchemaViolation[],
  ) {
    super(
      `payload of ${eventType} breaks its schema: ${violations
        .slice(0, 5)
        .map((v) => `${v.path} ${v.message}`)
        .join('; ')}`,
    );
    this.name = 'EventSchemaError';
  }
}

export function assertEventData<C extends EventContract>(contract: C, data: unknown): asserts data is EventData<C> {
  const violations = violationsOf(contract, data);
  if (violations.length) throw new EventSchemaError(contract.type, violations);
}
