import { AnafCallError } from '@obolus/anaf';
import { EfacturaError } from '../efactura.errors';

/**
 * What a failed ANAF call means to a job: unavailable (retried with backoff, never a rejection),
 * unauthorised (held until the owner connects again), or a request ANAF will never take.
 */
export function efacturaErrorOf(error: unknown, cif: string): unknown {
  if (!(error instanceof AnafCallError)) return error;
  if (error.kind === 'unavailable') return EfacturaError.anafUnavailable(error.message);
  if (error.kind === 'unauthorized') return EfacturaError.notAuthorized(cif, error.message);
  return EfacturaError.anafRefusedRequest(error.message);
}
