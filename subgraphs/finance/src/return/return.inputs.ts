import { Field, ID, InputType, Int } from 'type-graphql';
import Decimal from 'decimal.js';
import { DecimalScalar } from '@hub/money';
import { ReturnCondition, ReturnFileKind } from './return-status';

@InputType('ReturnLineInput', { description: 'What to return of one delivery note line.' })
export class ReturnLineInput {
  @Field(() => Int, { description: 'The delivery note line.' })
  lineNo: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'How much; left out: all of the line not yet returned.' })
  quantity?: Decimal | null;

  @Field(() => [String], { nullable: true, description: 'The units returned, for products tracked by serial number (one per unit; left out with the whole line: all of them).' })
  serialNumbers?: string[] | null;

  @Field(() => ReturnCondition, { nullable: true, description: "The goods' condition; left out: the return's." })
  condition?: ReturnCondition | null;
}

@InputType('ReturnAttachmentInput', { description: 'A photo of the goods or the waybill: JPEG, PNG, WebP or PDF, within the size limit (returnPolicy.maxAttachmentBytes).' })
export class ReturnAttachmentInput {
  @Field(() => ReturnFileKind, { description: 'PHOTO or WAYBILL.' })
  kind: ReturnFileKind;

  @Field()
  fileName: string;

  @Field({ description: 'image/jpeg, image/png, image/webp or application/pdf; the content must be one.' })
  contentType: string;

  @Field({ description: 'The file, base64-encoded.' })
  contentBase64: string;
}

@InputType('FileReturnInput')
export class FileReturnInput {
  @Field(() => ID, { description: 'The delivery note the goods came with (any of your company, also ones from before the hub).' })
  deliveryNoteId: string;

  @Field({ description: 'A code from returnReasons.' })
  reasonCode: string;

  @Field(() => String, { nullable: true, description: 'The language the reason is shown in (default en).' })
  language?: string | null;

  @Field(() => ReturnCondition)
  condition: ReturnCondition;

  @Field(() => [ReturnLineInput], { nullable: true, description: 'Left out: the whole delivery note (everything not yet returned).' })
  lines?: ReturnLineInput[] | null;

  @Field(() => String, { nullable: true })
  comment?: string | null;

  @Field(() => [ReturnAttachmentInput], { nullable: true })
  attachments?: ReturnAttachmentInput[] | null;
}

@InputType('ReturnReasonLabelInput')
export class ReturnReasonLabelInput {
  @Field({ description: 'ISO 639-1 language code, e.g. en, sv, pl.' })
  language: string;

  @Field()
  label: string;
}
