import { addDays, startOfDayInZone } from '@obolus/calendar';

/** The scheduled job that reminds a customer of a proforma still unpaid past its due date (P4). */
export const PROFORMA_REMINDER_JOB = 'proforma-reminder';

/** Days after the due date on which a still-open proforma is reminded; the last is final. */
export const REMINDER_DAYS: readonly number[] = [7, 14, 30];

export interface ProformaReminderPayload extends Record<string, unknown> {
  proformaId: string;
  /** 1, 2 or 3. */
  reminder: number;
}

/** 08:00 in the seller's time zone, `days` after the due date: reminders arrive in the morning. */
export function reminderDueAt(dueDate: string, days: number, timeZone: string): Date {
  return new Date(startOfDayInZone(addDays(dueDate, days), timeZone).getTime() + 8 * 3_600_000);
}

export const reminderKey = (proformaId: string, reminder: number): string => `${proformaId}:${reminder}`;
