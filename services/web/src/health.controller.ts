import { Controller, Get } from '@nestjs/common';

/** The edge holds no state, no database and no broker: answering is being healthy. */
@Controller('health')
export class HealthController {
  @Get()
  health(): { service: string; status: 'ok'; checks: Record<string, never> } {
    return { service: 'web', status: 'ok', checks: {} };
  }
}
