import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@obolus/auth';
import { JSONWebKeySet } from 'jose';
import { SigningKeys } from './signing-keys';

@ApiTags('keys')
@Public()
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: SigningKeys) {}

  @Get('jwks.json')
  @Header('cache-control', 'public, max-age=300')
  @ApiOperation({ summary: 'The public keys that verify access tokens (RFC 7517), for offline verification in other services' })
  @ApiOkResponse({ description: 'A JSON Web Key Set' })
  jwks(): JSONWebKeySet {
    return this.keys.jwks;
  }
}
