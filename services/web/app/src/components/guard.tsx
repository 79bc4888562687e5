import { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useI18n } from '../i18n';
import { Session, useSession } from '../session';

/** Shows its children to a signed-in session of the given kind; sends anyone else to that kind's sign-in page. */
export function RequireSession({ kind, children }: { kind: Session['kind']; children: (session: Session) => ReactNode }) {
  const { session } = useSession();
  const { t } = useI18n();
  const location = useLocation();
  if (session === undefined) return <p aria-busy="true">{t('app.loading')}</p>;
  if (!session || session.kind !== kind) {
    const signIn = kind === 'staff' ? '/staff/sign-in' : '/sign-in';
    return <Navigate to={`${signIn}?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  return <>{children(session)}</>;
}
