import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` in one transaction on one pooled connection. A connection whose ROLLBACK failed is
 * discarded rather than returned, so a broken socket never goes back into the pool.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
