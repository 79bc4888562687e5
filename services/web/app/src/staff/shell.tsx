import { ReactNode } from 'react';
import { Shell } from '../components/layout';
import { useI18n } from '../i18n';
import './staff.css';

/** The console's frame: the shared shell with the console's own navigation. */
export function StaffShell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Shell
      title={t('staff.title')}
      nav={[
        { to: '/staff', label: t('staff.nav.search'), end: true },
        { to: '/staff/bank-statements', label: t('staff.nav.bankStatements') },
      ]}
    >
      {children}
    </Shell>
  );
}
