import { Role } from '@obolus/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'identity', name: 'users' })
export class UserEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId!: string;
  @Column() email!: string;
  @Column({ type: 'text' }) role!: Role;
  @Column({ name: 'password_hash', type: 'text', nullable: true }) passwordHash?: string | null;
  @Column({ name: 'display_name', type: 'text', nullable: true }) displayName?: string | null;
  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true }) passwordChangedAt?: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
