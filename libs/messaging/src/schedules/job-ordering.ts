/**
 * How a kind of job is ordered among its account's jobs. By default every kind of an account shares
 * one lane, the account's: a job waits while an earlier pending job of its account waits (a renewal
 * after the trial's end, a status poll after its upload). A kind may name a lane of its own, ordered
 * only with the kinds of that lane (alerts that must go out whatever an upload retrying against a
 * provider that is down is doing), or be unordered: it neither waits for nor holds back any other job.
 */
export type JobOrdering = { lane: string } | 'unordered';

/** The lane every kind is in unless it says otherwise. */
export const ACCOUNT_LANE = 'account';

export const ACCOUNT_ORDERING: JobOrdering = { lane: ACCOUNT_LANE };

/** What the claiming SQL needs to know of the registered kinds' ordering. */
export interface JobLanes {
  /** Kind → lane, for kinds outside the account lane; any kind not named (even one registered elsewhere) is in it. */
  lanes: Record<string, string>;
  /** Kinds exempt from ordering. */
  unordered: string[];
}

/** Everything in the account lane: the ordering of a runner whose kinds declare none. */
export const ACCOUNT_LANES: JobLanes = { lanes: {}, unordered: [] };

/** The lanes of a set of kinds, as the claiming SQL takes them. */
export function jobLanesOf(orderings: ReadonlyMap<string, JobOrdering>): JobLanes {
  const result: JobLanes = { lanes: {}, unordered: [] };
  for (const [kind, ordering] of orderings) {
    if (ordering === 'unordered') result.unordered.push(kind);
    else if (ordering.lane !== ACCOUNT_LANE) result.lanes[kind] = ordering.lane;
  }
  result.unordered.sort();
  return result;
}

/** The lane of a kind, or null when it is unordered (the same rule the claiming SQL applies). */
export function laneOf(kind: string, lanes: JobLanes): string | null {
  if (lanes.unordered.includes(kind)) return null;
  const lane = Object.prototype.hasOwnProperty.call(lanes.lanes, kind) ? lanes.lanes[kind] : undefined;
  return lane ?? ACCOUNT_LANE;
}

/** Validates a kind's declared ordering. */
export function checkedOrdering(kind: string, ordering: JobOrdering): JobOrdering {
  if (ordering === 'unordered') return ordering;
  if (typeof ordering !== 'object' || typeof ordering.lane !== 'string' || ordering.lane.trim() === '') {
    throw new Error(`scheduled jobs of kind ${kind} declare an ordering lane without a name`);
  }
  return ordering;
}

/**
 * Whether `job` may run now given the account's other pending jobs: no earlier pending job of the
 * same lane (the rule the claiming SQL applies, for tests and in-memory stand-ins).
 */
export function mayRunBefore(
  job: { kind: string; accountId: string; dueAt: Date; id: string },
  pending: readonly { kind: string; accountId: string; dueAt: Date; id: string }[],
  lanes: JobLanes,
): boolean {
  const lane = laneOf(job.kind, lanes);
  if (lane === null) return true;
  return !pending.some(
    (other) =>
      other.accountId === job.accountId &&
      other.id !== job.id &&
      laneOf(other.kind, lanes) === lane &&
      (other.dueAt.getTime() < job.dueAt.getTime() || (other.dueAt.getTime() === job.dueAt.getTime() && other.id < job.id)),
  );
}
