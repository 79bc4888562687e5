/**
 * What the VIES sandbox answers, number by number. Every number here passes the local format
 * and checksum check, so the client really calls the sandbox for it. Any other well-formed number
 * of a member state is answered valid: false.
 */
export interface SandboxTrader {
  name: string;
  address: string;
}

/** Registered numbers (countryCode + national part) and their trader details. */
export const SANDBOX_VALID_NUMBERS: Readonly<Record<string, SandboxTrader>> = {
  RO12448440: { name: 'OBOLUS DEMO FURNIZOR SRL', address: 'STR. EXEMPLU NR. 1, SECTOR 1, BUCUREȘTI, 010011' },
  RO14040242: { name: 'CLIENT EXEMPLU SA', address: 'BD. EXEMPLU NR. 10, CLUJ-NAPOCA, 400001' },
  FR82342464408: { name: 'SOCIETE EXEMPLE SAS', address: '1 RUE DE L EXEMPLE\n75001 PARIS' },
  /** The French business of the end-to-end journeys. */
  FR40303265045: { name: 'ATELIER DUPONT SAS', address: '8 RUE DES LILAS\n69003 LYON' },
  DE108262480: { name: '---', address: '---' },
  IT08848240084: { name: 'ESEMPIO SRL', address: 'VIA ESEMPIO 1\n00100 ROMA RM' },
  EL066020646: { name: 'ΠΑΡΑΔΕΙΓΜΑ ΑΕ', address: 'ΟΔΟΣ ΠΑΡΑΔΕΙΓΜΑΤΟΣ 1 - 10431 ΑΘΗΝΑ' },
  NL164082220B01: { name: 'VOORBEELD B.V.', address: 'VOORBEELDSTRAAT 00001\n1011AA AMSTERDAM' },
};

/** Numbers that make the sandbox misbehave the way VIES does. */
export const SANDBOX_FAULT_NUMBERS = {
  /** errorWrappers MS_UNAVAILABLE, HTTP 200: the member state's registry is down. */
  memberStateUnavailable: 'DE164822664',
  /** errorWrappers MS_MAX_CONCURRENT_REQ, HTTP 200. */
  memberStateBusy: 'FR22320244404',
  /** errorWrappers TIMEOUT, HTTP 200: the member state did not answer VIES in time. */
  memberStateTimeout: 'IT06624800840',
  /** errorWrappers SERVICE_UNAVAILABLE, HTTP 500: VIES itself is down. */
  serviceUnavailable: 'ATU10086280',
  /** The answer comes after the sandbox's slow delay, long enough for the client to time out. */
  slow: 'BE0468024604',
} as const;
