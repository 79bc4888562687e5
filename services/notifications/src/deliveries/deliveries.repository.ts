import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeliveryEntity } from './entities/delivery.entity';

@Injectable()
export class DeliveriesRepository {
  async insert(manager: EntityManager, delivery: DeliveryEntity): Promise<void> {
    await manager.insert(DeliveryEntity, delivery);
  }

  exists(manager: EntityManager, causeEventId: string, template: string): Promise<boolean> {
    return manager.exists(DeliveryEntity, { where: { causeEventId, template } });
  }
}
