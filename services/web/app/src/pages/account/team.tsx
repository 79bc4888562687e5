import { FormEvent, useId, useState } from 'react';
import { del, get, patch, post, put } from '../../api';
import { Field, fieldMessage, LoadState, Notice, useAction, useLoad } from '../../components/ui';
import { useI18n } from '../../i18n';
import { MessageKey } from '../../i18n/messages';
import { Session } from '../../session';
import { canManage, FormError, Role, ROLE_KEYS, useAccountParam } from './common';

/** A user of the account, as identity lists them. */
interface Member {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  joinedAt: string;
}

/** An invitation as identity answers its creation: pending until accepted, good for 7 days. */
interface Invitation {
  invitationId: string;
  email: string;
  role: Exclude<Role, 'owner'>;
  expiresAt: string;
}

interface Preferences {
  muted: string[];
  mutable: string[];
}

const NOTICE_KEYS: Record<string, MessageKey> = {
  'trial-ending': 'prefs.notice.trial-ending',
  'trial-ended': 'prefs.notice.trial-ended',
  'subscription-expiring': 'prefs.notice.subscription-expiring',
  'subscription-expired': 'prefs.notice.subscription-expired',
  'webhook-endpoint-failing': 'prefs.notice.webhook-endpoint-failing',
};

export function TeamPage({ session }: { session: Session }) {
  const accountId = useAccountParam();
  const { t } = useI18n();
  const users = useLoad(() => get<Member[]>(`identity/accounts/${accountId}/users`), [accountId]);
  const manager = canManage(session.role);
  // Only owners and admins may see the open invitations; a user's page simply has none.
  const invitations = useLoad(
    () => (manager ? get<Invitation[]>(`identity/accounts/${accountId}/invitations`) : Promise.resolve([])),
    [accountId, manager],
  );
  const invited = invitations.data ?? [];
  return (
    <>
      <h1>{t('team.title')}</h1>
      <LoadState loaded={users}>
        {(members) => (
          <>
            <Members members={members} session={session} reload={users.reload} />
            {manager && <InviteForm onInvited={() => void invitations.reload()} />}
            {invited.length > 0 && <Invitations invitations={invited} />}
            <NotificationPreferences accountId={accountId} />
          </>
        )}
      </LoadState>
    </>
  );
}

function Members({ members, session, reload }: { members: Member[]; session: Session; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const manager = canManage(session.role);
  return (
    <section className="card" aria-labelledby="users-title">
      <h2 id="users-title">{t('team.users')}</h2>
      <table className="responsive" data-testid="users-table">
        <thead>
          <tr>
            <th scope="col">{t('team.user')}</th>
            <th scope="col">{t('team.role')}</th>
            <th scope="col">{t('team.status')}</th>
            <th scope="col">{t('team.joined')}</th>
            {manager && <th scope="col">{t('team.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <MemberRow key={member.userId} member={member} session={session} manager={manager} reload={reload} />
          ))}
        </tbody>
      </table>
      <p className="muted">{t('team.rolesHint')}</p>
      {members.length > 0 && <p className="muted">{t('team.joinedCount', { count: members.length })}</p>}
    </section>
  );
}

function MemberRow({
  member,
  session,
  manager,
  reload,
}: {
  member: Member;
  session: Session;
  manager: boolean;
  reload: () => Promise<void>;
}) {
  const accountId = useAccountParam();
  const { t, date } = useI18n();
  const roleId = useId();
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const changeRole = useAction(async (role: Role) => {
    setSaved(false);
    await patch(`identity/accounts/${accountId}/users/${member.userId}`, { role });
    setSaved(true);
    await reload();
  });
  const remove = useAction(async () => {
    await del(`identity/accounts/${accountId}/users/${member.userId}`);
    setConfirming(false);
    await reload();
  });
  const self = member.userId === session.userId;
  const label = member.name ? `${member.name} (${member.email})` : member.email;
  return (
    <tr data-testid="user-row" data-email={member.email}>
      <td data-label={t('team.user')}>
        <span className="account-cell-main">
          {member.name && <strong>{member.name}</strong>}
          <span>{member.email}</span>
          {self && <span className="muted">{t('team.you')}</span>}
        </span>
      </td>
      <td data-label={t('team.role')}>
        {manager && !self ? (
          <span className="account-cell-main">
            <label htmlFor={roleId} className="visually-hidden">
              {t('team.roleOf', { user: label })}
            </label>
            <select
              id={roleId}
              value={member.role}
              disabled={changeRole.busy}
              data-testid="user-role-select"
              onChange={(event) => void changeRole.run(event.target.value as Role)}
            >
              {(Object.keys(ROLE_KEYS) as Role[])
                .filter((role) => role !== 'owner' || session.role === 'owner' || member.role === 'owner')
                .map((role) => (
                  <option key={role} value={role}>
                    {t(ROLE_KEYS[role])}
                  </option>
                ))}
            </select>
            {saved && <span role="status">{t('app.saved')}</span>}
            <FormError error={changeRole.error} />
          </span>
        ) : (
          t(ROLE_KEYS[member.role])
        )}
      </td>
      <td data-label={t('team.status')}>
        <span className="badge ok">{t('team.status.active')}</span>
      </td>
      <td data-label={t('team.joined')}>{date(member.joinedAt)}</td>
      {manager && (
        <td data-label={t('team.actions')}>
          {self ? (
            <span className="muted">—</span>
          ) : confirming ? (
            <span className="account-cell-main" role="group" aria-label={t('team.removeOf', { user: label })}>
              <span>{t('team.removeConfirm', { user: label })}</span>
              <span className="row">
                <button
                  type="button"
                  className="danger"
                  disabled={remove.busy}
                  data-testid="user-remove-confirm"
                  onClick={() => void remove.run()}
                >
                  {t('team.removeYes')}
                </button>
                <button type="button" onClick={() => setConfirming(false)}>
                  {t('app.cancel')}
                </button>
              </span>
              <FormError error={remove.error} />
            </span>
          ) : (
            <button
              type="button"
              className="danger"
              aria-label={t('team.removeOf', { user: label })}
              data-testid="user-remove"
              onClick={() => setConfirming(true)}
            >
              {t('team.remove')}
            </button>
          )}
        </td>
      )}
    </tr>
  );
}

function InviteForm({ onInvited }: { onInvited: () => void }) {
  const accountId = useAccountParam();
  const { t } = useI18n();
  const roleId = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Invitation['role']>('user');
  const [sent, setSent] = useState<string>();
  const invite = useAction(async () => {
    setSent(undefined);
    const invitation = await post<Invitation>(`identity/accounts/${accountId}/invitations`, { email, role });
    onInvited();
    setSent(invitation.email);
    setEmail('');
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void invite.run();
  };
  const roleError = fieldMessage(invite.error, 'role');
  return (
    <form className="card" onSubmit={submit} aria-labelledby="invite-title" data-testid="invite-form" noValidate>
      <h2 id="invite-title">{t('team.invite.title')}</h2>
      <p className="muted">{t('team.invite.hint')}</p>
      {sent && <Notice>{t('team.invite.sent', { email: sent })}</Notice>}
      <FormError error={invite.error} fields={['email', 'role']} />
      <div className="account-form-row">
        <Field
          label={t('team.invite.email')}
          type="email"
          name="email"
          autoComplete="off"
          required
          value={email}
          error={fieldMessage(invite.error, 'email')}
          data-testid="invite-email"
          onChange={(event) => setEmail(event.target.value)}
        />
        <div className="field">
          <label htmlFor={roleId}>{t('team.invite.role')}</label>
          <select
            id={roleId}
            name="role"
            value={role}
            data-testid="invite-role"
            aria-invalid={roleError ? true : undefined}
            onChange={(event) => setRole(event.target.value as Invitation['role'])}
          >
            <option value="user">{t('team.role.user')}</option>
            <option value="admin">{t('team.role.admin')}</option>
          </select>
          {roleError && <small className="field-error">{roleError}</small>}
        </div>
      </div>
      <button type="submit" className="primary" disabled={invite.busy} data-testid="invite-submit">
        {t('team.invite.submit')}
      </button>
    </form>
  );
}

function Invitations({ invitations }: { invitations: Invitation[] }) {
  const { t, date } = useI18n();
  return (
    <section className="card" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('team.invitations.title')}</h2>
      <p className="muted">{t('team.invitations.hint')}</p>
      <table className="responsive" data-testid="invitations-table">
        <thead>
          <tr>
            <th scope="col">{t('team.invite.email')}</th>
            <th scope="col">{t('team.role')}</th>
            <th scope="col">{t('team.status')}</th>
            <th scope="col">{t('team.invitations.expires')}</th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((invitation) => (
            <tr key={invitation.invitationId} data-testid="invitation-row" data-email={invitation.email}>
              <td data-label={t('team.invite.email')}>{invitation.email}</td>
              <td data-label={t('team.role')}>{t(ROLE_KEYS[invitation.role])}</td>
              <td data-label={t('team.status')}>
                <span className="badge warn">{t('team.status.invited')}</span>
              </td>
              <td data-label={t('team.invitations.expires')}>{date(invitation.expiresAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The signed-in user's own notices: the ones they may mute (legal and financial notices are always sent). */
function NotificationPreferences({ accountId }: { accountId: string }) {
  const { t } = useI18n();
  const loaded = useLoad(() => get<Preferences>(`notifications/accounts/${accountId}/notification-preferences/me`), [accountId]);
  return (
    <section className="card" aria-labelledby="prefs-title" data-testid="notification-preferences">
      <h2 id="prefs-title">{t('prefs.title')}</h2>
      <LoadState loaded={loaded}>{(preferences) => <PreferencesForm accountId={accountId} initial={preferences} />}</LoadState>
    </section>
  );
}

function PreferencesForm({ accountId, initial }: { accountId: string; initial: Preferences }) {
  const { t } = useI18n();
  const [muted, setMuted] = useState(new Set(initial.muted));
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    setSaved(false);
    const next = await put<Preferences>(`notifications/accounts/${accountId}/notification-preferences/me`, { muted: [...muted] });
    setMuted(new Set(next.muted));
    setSaved(true);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  const toggle = (name: string, wanted: boolean) => {
    const next = new Set(muted);
    if (wanted) next.delete(name);
    else next.add(name);
    setMuted(next);
  };
  return (
    <form onSubmit={submit}>
      <fieldset className="account-checks">
        <legend>{t('prefs.legend')}</legend>
        {initial.mutable.map((name) => (
          <label key={name} className="account-check">
            <input
              type="checkbox"
              name="notice"
              value={name}
              checked={!muted.has(name)}
              data-testid={`preference-${name}`}
              onChange={(event) => toggle(name, event.target.checked)}
            />
            <span>{NOTICE_KEYS[name] ? t(NOTICE_KEYS[name]) : name}</span>
          </label>
        ))}
      </fieldset>
      <p className="muted">{t('prefs.always')}</p>
      {saved && <Notice>{t('app.saved')}</Notice>}
      <FormError error={save.error} />
      <button type="submit" disabled={save.busy} data-testid="preferences-save">
        {t('app.save')}
      </button>
    </form>
  );
}
