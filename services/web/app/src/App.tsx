import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { NotFound } from './components/ui';
import { PublicFrame } from './components/layout';
import { I18nProvider } from './i18n';
import { portalRoutes } from './pages/routes';
import { SessionProvider } from './session';
import { staffRoutes } from './staff/routes';

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <Routes>
            {portalRoutes()}
            {staffRoutes()}
            <Route
              path="*"
              element={
                <PublicFrame>
                  <NotFound />
                </PublicFrame>
              }
            />
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}
