// Profile images: an upload's type from its magic bytes (PNG, JPEG, WebP, GIF; never from its name or declared
// type), stored in the database, set on the user (replacing and deleting the previous one), and removed.
import { createHash } from 'node:crypto';
import type { ServerContext } from '../context.js';
import type { ImageTable } from '../store/schema.js';
import { newId } from '../crypto/ids.js';
import { Errors } from '../errors.js';
import { inTransaction } from '../store/db.js';
import { deleteImagesOfUser, findImage, insertImage } from '../store/images.js';
import { updateUserRow } from '../store/users.js';
import { emitUserEvent } from '../webhooks/emit.js';
import type { UserWithEmails } from './users.js';

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

const startsWith = (b: Buffer, bytes: number[], at = 0) => b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((ch) => ch.charCodeAt(0));

/** The image type the bytes are, by their signature, or undefined when they are none of the four. */
export function sniffImageType(b: Buffer): ImageType | undefined {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return 'image/webp';
  return undefined;
}

/** Stores `bytes` as the user's profile image (the previous one is deleted); `user.updated` follows. */
export async function setProfileImage(ctx: ServerContext, u: UserWithEmails, file: { name: string; bytes: Buffer }): Promise<ImageTable> {
  const type = sniffImageType(file.bytes);
  if (!type) throw Errors.imageTypeInvalid();
  const now = ctx.now();
  const row: ImageTable = {
    id: newId('img'),
    user_id: u.user.id,
    content_type: type,
    // Control characters and NUL never reach the database (PostgreSQL text cannot hold NUL).
    name: [...file.name]
      .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f)
      .join('')
      .slice(0, 255),
    size: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    bytes: file.bytes,
    created_at: now,
  };
  await inTransaction(ctx.db, async (tx) => {
    await insertImage(tx, row);
    await updateUserRow(tx, u.user.id, { image_id: row.id, updated_at: now });
    await deleteImagesOfUser(tx, u.user.id, row.id);
  });
  await emitUserEvent(ctx, 'user.updated', u.user.id);
  return row;
}

/** Removes the user's profile image (404 when there is none); `user.updated` follows. Returns the removed image's id. */
export async function removeProfileImage(ctx: ServerContext, u: UserWithEmails): Promise<string> {
  const id = u.user.image_id;
  if (!id) throw Errors.notFound('image');
  const now = ctx.now();
  await inTransaction(ctx.db, async (tx) => {
    await updateUserRow(tx, u.user.id, { image_id: null, updated_at: now });
    await deleteImagesOfUser(tx, u.user.id);
  });
  await emitUserEvent(ctx, 'user.updated', u.user.id);
  return id;
}

/** An image by id, for serving (undefined when it was replaced or removed). */
export function imageById(ctx: ServerContext, id: string): Promise<ImageTable | undefined> {
  return findImage(ctx.db, id);
}
