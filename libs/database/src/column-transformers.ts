/**
 * Postgres bigint columns holding integer minor units: pg returns them as strings; money in Obolus is
 * a safe-integer number (see @obolus/money), so they are read back as numbers.
 */
export const bigintAsNumber = {
  to: (value: number): number => value,
  from: (value: string): number => Number(value),
};
