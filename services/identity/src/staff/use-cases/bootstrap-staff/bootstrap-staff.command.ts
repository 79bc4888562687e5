import { checkCommand } from '@obolus/platform';
import { PASSWORD_MAX_LENGTH } from '../../../credentials/password-policy';

export interface BootstrapStaffInput {
  email: string;
  password: string;
}

/** A staff member that must exist (local runs: IDENTITY_STAFF_EMAIL and IDENTITY_STAFF_PASSWORD). */
export class BootstrapStaffCommand implements BootstrapStaffInput {
  readonly email!: string;
  readonly password!: string;

  private constructor(input: Readonly<BootstrapStaffInput>) {
    Object.assign(this, input);
  }

  static create(input: BootstrapStaffInput): BootstrapStaffCommand {
    return new BootstrapStaffCommand(
      checkCommand('bootstrap-staff', input).string('email', 254).string('password', PASSWORD_MAX_LENGTH).valid(),
    );
  }
}
