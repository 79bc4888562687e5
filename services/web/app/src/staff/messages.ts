import { defineMessages } from '../i18n/define';

/** The staff console's texts. */
export const staffMessages = defineMessages(
  {
    'staff.title': 'Staff console',
  },
  {
    'staff.title': 'Console du personnel',
  },
  {
    'staff.title': 'Consola personalului',
  },
);
