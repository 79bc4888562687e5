import { Route } from 'react-router-dom';
import { RequireSession } from '../components/guard';
import { Shell } from '../components/layout';
import { useI18n } from '../i18n';
import { SignInPage } from '../pages/sign-in';

function StaffHome() {
  const { t } = useI18n();
  return (
    <Shell title={t('staff.title')} nav={[{ to: '/staff', label: t('staff.title'), end: true }]}>
      <h1>{t('staff.title')}</h1>
    </Shell>
  );
}

/** The staff console's route tree, under /staff. */
export function staffRoutes() {
  return [
    <Route key="staff-sign-in" path="/staff/sign-in" element={<SignInPage kind="staff" />} />,
    <Route key="staff-home" path="/staff" element={<RequireSession kind="staff">{() => <StaffHome />}</RequireSession>} />,
  ];
}
