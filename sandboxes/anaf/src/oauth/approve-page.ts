import { escapeXml } from '../http';
import type { PendingAuthorization } from './authorization-server';

export const DECISION_PATH = '/anaf-oauth2/v1/authorize/decision';

/**
 * Stands in for the certificate step at logincert.anaf.ro: the holder (or a test posting the form)
 * approves or denies, and may name the CUIs its SPV rights cover (empty: every CUI).
 */
export function approvePage(request: PendingAuthorization): string {
  const clientId = escapeXml(request.client.clientId);
  return `<!doctype html>
<html lang="ro">
<head><meta charset="utf-8"><title>ANAF sandbox: autorizare aplicatie</title></head>
<body>
<h1>Autorizare aplicatie ${clientId}</h1>
<p>Sandbox Obolus: certificatul calificat este simulat. Aplicatia va primi acces la serviciile e-Factura.</p>
<form method="post" action="${DECISION_PATH}">
<input type="hidden" name="request_id" value="${escapeXml(request.id)}">
<label>CUI-uri cu drept SPV (separate prin virgula; gol = toate) <input type="text" name="cifs" value=""></label>
<button type="submit" name="decision" value="approve">Autorizeaza</button>
<button type="submit" name="decision" value="deny">Refuza</button>
</form>
</body>
</html>
`;
}
