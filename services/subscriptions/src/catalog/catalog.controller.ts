import { Controller, Get, Param } from '@nestjs/common';
import { Public } from '@obolus/auth';
import { Catalog } from './catalog';
import { CatalogRegistry } from './catalog-registry';

/** The catalogs are public: editions, features, limits and prices (C1). */
@Controller('catalog')
@Public()
export class CatalogController {
  constructor(private readonly catalogs: CatalogRegistry) {}

  @Get()
  list(): Catalog[] {
    return this.catalogs.all();
  }

  @Get(':code')
  get(@Param('code') code: string): Catalog {
    return this.catalogs.get(code);
  }
}
