// Profile images: the bytes and their type, one row per upload (a replaced image's row is deleted).
import type { Db } from './db.js';
import type { ImageTable } from './schema.js';

export async function insertImage(db: Db, row: ImageTable): Promise<void> {
  await db.insertInto('images').values(row).execute();
}

export function findImage(db: Db, id: string): Promise<ImageTable | undefined> {
  return db.selectFrom('images').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Deletes a user's images but `keepId` (what a replacement or removal leaves behind). */
export async function deleteImagesOfUser(db: Db, userId: string, keepId?: string): Promise<void> {
  let q = db.deleteFrom('images').where('user_id', '=', userId);
  if (keepId !== undefined) q = q.where('id', '!=', keepId);
  await q.execute();
}
