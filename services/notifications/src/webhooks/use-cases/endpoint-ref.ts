import { checkCommand } from '@obolus/platform';

/** An endpoint of a scope: an account's (its id) or the platform's (null). */
export interface EndpointRefInput {
  accountId: string | null;
  endpointId: string;
}

export function checkEndpointRef<T extends EndpointRefInput>(command: string, input: T) {
  return checkCommand(command, input).optionalUuid('accountId').uuid('endpointId');
}
