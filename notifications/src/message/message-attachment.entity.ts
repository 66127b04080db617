import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { MessageEntity } from './message.entity';

/**
 * A file an e-mail message carries (an offer's PDF), written with the message: a retry, or a send
 * after a restart, attaches the same bytes. Deleted with its message.
 */
@Entity({ tableName: 'message_attachment' })
export class MessageAttachmentEntity {
  @ManyToOne({ entity: () => MessageEntity, primary: true, deleteRule: 'cascade' })
  message: MessageEntity;

  @PrimaryKey({ type: 'integer', autoincrement: false })
  position: number;

  @Property({ type: 'text' })
  fileName: string;

  @Property({ type: 'text' })
  contentType: string;

  @Property({ type: 'blob' })
  content: Buffer;
}
