import { Route } from 'react-router-dom';
import { RequireSession } from '../components/guard';
import { SignInPage } from '../pages/sign-in';
import { StaffAccountPage } from './account';
import { StaffBankStatementsPage } from './bank-statements';
import { StaffSearchPage } from './search';

/** The staff console's route tree, under /staff. */
export function staffRoutes() {
  return [
    <Route key="staff-sign-in" path="/staff/sign-in" element={<SignInPage kind="staff" />} />,
    <Route key="staff-home" path="/staff" element={<RequireSession kind="staff">{() => <StaffSearchPage />}</RequireSession>} />,
    <Route
      key="staff-statements"
      path="/staff/bank-statements"
      element={<RequireSession kind="staff">{() => <StaffBankStatementsPage />}</RequireSession>}
    />,
    <Route
      key="staff-account"
      path="/staff/accounts/:accountId/*"
      element={<RequireSession kind="staff">{() => <StaffAccountPage />}</RequireSession>}
    />,
  ];
}
