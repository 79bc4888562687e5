import { StaffActor } from '@obolus/operations';

/** A support agent acting from the console, for use-case specs. */
export const SUPPORT: Omit<StaffActor, 'reason'> = {
  staffUserId: '7d1c1a52-6a4c-4b8e-9a55-0e1b3f9d2c10',
  staffEmail: 'ana@obolus.example',
};
