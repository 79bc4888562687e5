import { Injectable } from '@nestjs/common';
import { TOKEN_ISSUER } from '@obolus/auth';
import { Clock } from '@obolus/platform';
import { jwtVerify, SignJWT } from 'jose';
import { SigningKeys } from '../tokens/signing-keys';

/** Its own audience and type, so a download link is never taken for an access token, nor one for a link. */
const EXPORT_AUDIENCE = 'obolus:account-export';
const EXPORT_TOKEN_TYPE = 'obolus-export+jwt';

export interface ExportDownloadClaims {
  exportId: string;
  accountId: string;
}

/**
 * The signed, time-limited token of an export's download link, signed with identity's own key: no secret
 * of its own, and good after the account's sessions end at closure. Anything forged, altered, for another
 * purpose or past its expiry is refused.
 */
@Injectable()
export class ExportDownloadTokens {
  constructor(
    private readonly keys: SigningKeys,
    private readonly clock: Clock,
  ) {}

  sign(claims: ExportDownloadClaims, expiresAt: Date): Promise<string> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    return new SignJWT({ acc: claims.accountId })
      .setProtectedHeader({ alg: 'EdDSA', kid: this.keys.kid, typ: EXPORT_TOKEN_TYPE })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(EXPORT_AUDIENCE)
      .setSubject(claims.exportId)
      .setIssuedAt(now)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.keys.privateKey);
  }

  /** The claims of a valid token; undefined for any other string. */
  async verify(token: string): Promise<ExportDownloadClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.keys.verificationKeys, {
        issuer: TOKEN_ISSUER,
        audience: EXPORT_AUDIENCE,
        typ: EXPORT_TOKEN_TYPE,
        algorithms: ['EdDSA'],
        currentDate: this.clock.now(),
      });
      if (typeof payload.sub !== 'string' || typeof payload.acc !== 'string') return undefined;
      return { exportId: payload.sub, accountId: payload.acc };
    } catch {
      return undefined;
    }
  }
}
