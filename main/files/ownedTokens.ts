import { randomBytes } from 'node:crypto';

/** Who asked: the webContents a request came from (its IPC event's `sender`). */
export type Owner = object;

/**
 * What windows have under way in main (a project save, a project read), each named by a random
 * token. A token means nothing to any window but the one that started it.
 */
export class OwnedTokens<T extends { owner: Owner }> {
  private readonly items = new Map<string, T>();

  /** Keeps `item` and returns the token that names it. */
  add(item: T): string {
    const token = randomBytes(16).toString('hex');
    this.items.set(token, item);
    return token;
  }

  /** The item `token` names, if `owner` started it; else null. */
  find(owner: Owner, token: unknown): T | null {
    const item = typeof token === 'string' ? this.items.get(token) : undefined;
    return item && item.owner === owner ? item : null;
  }

  /** Forgets `token`; the item it named, if any. */
  take(token: string): T | undefined {
    const item = this.items.get(token);
    this.items.delete(token);
    return item;
  }

  /** The tokens `owner` holds. */
  ownedBy(owner: Owner): string[] {
    return [...this.items].filter(([, item]) => item.owner === owner).map(([token]) => token);
  }

  get size(): number {
    return this.items.size;
  }
}
