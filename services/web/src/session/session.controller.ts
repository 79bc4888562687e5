import { Controller, Delete, Get, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { WebSessions } from './web-sessions';

/** The browser's session: cookies in, cookies out; the tokens stay between the edge and identity. */
@Controller('api')
export class SessionController {
  constructor(private readonly sessions: WebSessions) {}

  @Post('session')
  signIn(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.sessions.signIn('customer', request, response);
  }

  @Post('staff/session')
  signInStaff(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.sessions.signIn('staff', request, response);
  }

  @Post('session/refresh')
  refresh(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.sessions.refresh(request, response);
  }

  @Get('session')
  read(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.sessions.read(request, response);
  }

  @Delete('session')
  signOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.sessions.signOut(request, response);
  }
}
