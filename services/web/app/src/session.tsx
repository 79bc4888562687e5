import { createContext, ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api, ApiError } from './api';
import { useI18n } from './i18n';

/** Who is signed in, as the edge reads it from the session cookie (never the token itself). */
export interface Session {
  kind: 'customer' | 'staff';
  userId: string;
  accountId?: string;
  role?: string;
  email?: string;
  language?: string;
  companyName?: string;
}

interface SessionState {
  session: Session | null | undefined;
  signIn: (kind: Session['kind'], email: string, password: string) => Promise<Session>;
  signOut: () => Promise<void>;
  reload: () => Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const { follow } = useI18n();
  const reload = useCallback(async () => {
    try {
      const current = await api<Session>('GET', 'session');
      setSession(current);
      follow(current.language);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setSession(null);
      else throw error;
    }
  }, [follow]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const signIn = useCallback(
    async (kind: Session['kind'], email: string, password: string) => {
      const started = await api<Session>('POST', kind === 'staff' ? 'staff/session' : 'session', { body: { email, password } });
      setSession(started);
      follow(started.language);
      return started;
    },
    [follow],
  );
  const signOut = useCallback(async () => {
    await api('DELETE', 'session').catch(() => undefined);
    setSession(null);
  }, []);
  return <SessionContext.Provider value={{ session, signIn, signOut, reload }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}
