import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { Public } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { AdvanceTestClockDto, CreateTestClockDto } from './dto/test-clock.dto';
import { TestClocksAccessGuard } from './test-clocks-access.guard';
import { TestClockView } from './test-clock';
import { AdvanceTestClockCommand } from './use-cases/advance-test-clock/advance-test-clock.command';
import { AdvanceTestClockUseCase } from './use-cases/advance-test-clock/advance-test-clock.use-case';
import { CreateTestClockCommand } from './use-cases/create-test-clock/create-test-clock.command';
import { CreateTestClockUseCase } from './use-cases/create-test-clock/create-test-clock.use-case';
import { DeleteTestClockCommand } from './use-cases/delete-test-clock/delete-test-clock.command';
import { DeleteTestClockUseCase } from './use-cases/delete-test-clock/delete-test-clock.use-case';
import { GetTestClockCommand } from './use-cases/get-test-clock/get-test-clock.command';
import { GetTestClockUseCase } from './use-cases/get-test-clock/get-test-clock.use-case';

/** Stripe-style test clocks: staff only, or anyone where OBOLUS_TEST_CLOCKS=enabled (404 otherwise). */
@Controller('test-clocks')
@Public()
@UseGuards(TestClocksAccessGuard)
export class TestClocksController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly createTestClock: CreateTestClockUseCase,
    private readonly advanceTestClock: AdvanceTestClockUseCase,
    private readonly getTestClock: GetTestClockUseCase,
    private readonly deleteTestClock: DeleteTestClockUseCase,
  ) {}

  @Post()
  create(@Body() body: CreateTestClockDto): Promise<TestClockView> {
    return this.work.run((uow) => this.createTestClock.execute(CreateTestClockCommand.create(body), uow));
  }

  @Post(':clockId/advance')
  @HttpCode(HttpStatus.ACCEPTED)
  advance(@Param('clockId') clockId: string, @Body() body: AdvanceTestClockDto): Promise<TestClockView> {
    return this.work.run((uow) => this.advanceTestClock.execute(AdvanceTestClockCommand.create({ ...body, clockId }), uow));
  }

  @Get(':clockId')
  get(@Param('clockId') clockId: string): Promise<TestClockView> {
    return this.work.run((uow) => this.getTestClock.execute(GetTestClockCommand.create({ clockId }), uow));
  }

  @Delete(':clockId')
  @HttpCode(HttpStatus.NO_CONTENT)
  delete(@Param('clockId') clockId: string): Promise<void> {
    return this.work.run((uow) => this.deleteTestClock.execute(DeleteTestClockCommand.create({ clockId }), uow));
  }
}
