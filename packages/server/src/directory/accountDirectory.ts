/**
 * The engine's people directory on the server: the accounts. A task is handed only to an enabled
 * account, and that account's roles and data scope are the ones its own sign-in would give it.
 */
import type { PeopleDirectory } from '@nongan/engine';
import { actorOf, type AccountStore } from '../identity/accounts.js';

export function accountDirectory(accounts: AccountStore): PeopleDirectory {
  return {
    async person(id) {
      const account = await accounts.get(id);
      return account && !account.disabled ? actorOf(account) : undefined;
    },
    async people({ role, region }) {
      return (await accounts.withRole(role, region)).map(actorOf);
    },
  };
}
