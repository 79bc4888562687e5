import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Request } from 'express';
import { ClientInfo } from '../sessions/session-tokens';

/** The caller's address (through trusted proxies only, see IDENTITY_TRUST_PROXY) and user agent. */
export const Client = createParamDecorator((_data: unknown, context: ExecutionContext): ClientInfo => {
  const request = context.switchToHttp().getRequest<Request>();
  const userAgent = request.headers['user-agent'];
  return { ip: request.ip ?? request.socket.remoteAddress ?? 'unknown', ...(userAgent ? { userAgent } : {}) };
});
