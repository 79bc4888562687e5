import { Column, Entity, PrimaryColumn } from 'typeorm';

export type VatCheckResult = 'valid' | 'invalid' | 'unavailable';

/** One VIES consultation of a buyer's VAT number, kept as it happened (V3: every check is stored for audit). */
@Entity({ schema: 'invoicing', name: 'vat_number_checks' })
export class VatNumberCheckEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId!: string;
  /** VIES country code (EL for Greece) and national part, as sent to VIES. */
  @Column({ name: 'country_code', type: 'text' }) countryCode!: string;
  @Column({ name: 'vat_number', type: 'text' }) vatNumber!: string;
  @Column({ name: 'checked_at', type: 'timestamptz' }) checkedAt!: Date;
  @Column({ type: 'text' }) result!: VatCheckResult;
  /** Why VIES gave no verdict (MS_UNAVAILABLE, CLIENT_TIMEOUT, CIRCUIT_OPEN…), or its rejection code. */
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  /** VIES's consultation number, the proof of the check. */
  @Column({ name: 'request_identifier', type: 'text', nullable: true }) requestIdentifier!: string | null;
  @Column({ name: 'request_date', type: 'text', nullable: true }) requestDate!: string | null;
  @Column({ name: 'trader_name', type: 'text', nullable: true }) traderName!: string | null;
  @Column({ name: 'trader_address', type: 'text', nullable: true }) traderAddress!: string | null;
  @Column({ type: 'integer' }) attempts!: number;
  @Column({ name: 'http_status', type: 'integer', nullable: true }) httpStatus!: number | null;
  /** VIES's last answer as received (parsed JSON, or the text when it was not JSON). */
  @Column({ name: 'raw_response', type: 'jsonb', nullable: true }) rawResponse!: unknown;
  @Column({ name: 'response_digest', type: 'text', nullable: true }) responseDigest!: string | null;
}
