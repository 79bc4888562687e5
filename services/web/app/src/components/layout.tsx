import { ReactNode, useState } from 'react';
import { NavLink } from 'react-router-dom';
import { isLanguage, LANGUAGES, useI18n } from '../i18n';
import { useSession } from '../session';

export interface NavItem {
  to: string;
  label: string;
  end?: boolean;
}

const LANGUAGE_NAMES = { fr: 'Français', ro: 'Română', en: 'English' } as const;

export function LanguageSwitch() {
  const { language, choose, t } = useI18n();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('app.language')}</span>
      <select
        aria-label={t('app.language')}
        value={language}
        onChange={(event) => isLanguage(event.target.value) && choose(event.target.value)}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The frame of every signed-in page: a header with the navigation (a menu button on phones) and the content. */
export function Shell({ title, nav, children }: { title: string; nav: NavItem[]; children: ReactNode }) {
  const { t } = useI18n();
  const { signOut } = useSession();
  const [open, setOpen] = useState(false);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{title}</span>
        <button
          type="button"
          className="menu-button"
          aria-expanded={open}
          aria-controls="main-nav"
          onClick={() => setOpen(!open)}
        >
          {t('app.menu')}
        </button>
        <div className="topbar-tools">
          <LanguageSwitch />
          <button type="button" className="link-button" onClick={() => void signOut()}>
            {t('app.signOut')}
          </button>
        </div>
      </header>
      <nav id="main-nav" className={open ? 'sidebar open' : 'sidebar'} aria-label={t('app.mainNavigation')}>
        <ul>
          {nav.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end} onClick={() => setOpen(false)}>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

/** The frame of the pages before sign-in. */
export function PublicFrame({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="public">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="public-header">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="public-content" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
