import { Controller, Get, INestApplication, Injectable } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Public } from '@obolus/auth';
import { IdentityError } from '../identity.errors';

/** The OpenAPI document, built once the application (and so every route) exists. */
@Injectable()
export class OpenApiDocument {
  private document?: OpenAPIObject;

  build(app: INestApplication): OpenAPIObject {
    this.document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Obolus identity')
        .setDescription(
          'Sign-up, sign-in, sessions, roles, invitations, password reset, account closure, staff sign-in. Errors are { code, message, fields? }.',
        )
        .setVersion('1')
        .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
        .build(),
    );
    return this.document;
  }

  get(): OpenAPIObject {
    if (!this.document) throw IdentityError.starting();
    return this.document;
  }
}

@ApiExcludeController()
@Public()
@Controller()
export class OpenApiController {
  constructor(private readonly openApi: OpenApiDocument) {}

  @Get('docs-json')
  document(): OpenAPIObject {
    return this.openApi.get();
  }
}
