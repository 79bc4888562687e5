import { StaffActor } from '@obolus/operations';

/** A support agent acting from the console, with a reason, for use-case specs. */
export const SUPPORT: StaffActor = {
  staffUserId: '7d1c1a52-6a4c-4b8e-9a55-0e1b3f9d2c10',
  staffEmail: 'support@obolus.example',
  reason: 'The customer asked to pay ahead of the year end',
};
