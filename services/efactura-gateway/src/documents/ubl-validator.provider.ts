import { Injectable, OnModuleInit } from '@nestjs/common';
import { CiusRoValidator, ValidationReport } from '@obolus/ubl';

/** The official checks, loaded once per process and warmed up before the first invoice arrives. */
@Injectable()
export class UblValidator implements OnModuleInit {
  private validator?: CiusRoValidator;

  onModuleInit(): void {
    this.validator = CiusRoValidator.create({ warmUp: true });
  }

  validate(xml: string): Promise<ValidationReport> {
    this.validator ??= CiusRoValidator.create();
    return this.validator.validate(xml);
  }
}
