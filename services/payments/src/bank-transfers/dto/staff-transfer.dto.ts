import { MAX_CHARGE_MINOR, STAFF_ACTION_REASON_MAX_LENGTH, STAFF_ACTION_REASON_MIN_LENGTH } from '@obolus/contracts';
import { IsSingleLineText } from '@obolus/platform';
import { IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

/** A bank transfer staff saw arrive and record by hand. */
export class StaffTransferDto {
  /** Minor units of `currency`. */
  @IsInt()
  @Min(1)
  @Max(MAX_CHARGE_MINOR)
  amountMinor!: number;

  /** ISO 4217; must be the payment's. */
  @IsString()
  @Matches(/^[A-Z]{3}$/)
  currency!: string;

  /** The day the money was booked on Obolus's account, YYYY-MM-DD. */
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  receivedOn!: string;

  @IsOptional()
  @IsSingleLineText(140)
  payerName?: string;

  /** The reference the transfer carried; when given, it must be the payment's. */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9 ]{1,40}$/)
  reference?: string;

  /** The unmatched statement transaction this transfer is (from GET /staff/bank-statements/unmatched). */
  @IsOptional()
  @IsString()
  @Matches(/^[\x21-\x7e]{1,400}$/)
  statementTransactionKey?: string;

  /** Why it is recorded by hand, as the audit log keeps it (kept on the transfer as its note). */
  @IsSingleLineText(STAFF_ACTION_REASON_MAX_LENGTH)
  @MinLength(STAFF_ACTION_REASON_MIN_LENGTH)
  reason!: string;
}
