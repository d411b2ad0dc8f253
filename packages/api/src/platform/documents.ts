/**
 * A clinical document's metadata, as a consultation entry or a referral letter carries it: the
 * document itself lives in the sender's document store. (A type, not an interface: it is also a
 * plain record, e.g. a payload's content.)
 */
export type DocumentMetadata = {
  readonly title: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly reference: string;
};
