/**
 * The administrator's backup and restore of the server's shared record (`backup/`): only an
 * administrator whose data scope is everything, because a backup holds every region's cases and a
 * restore replaces them. Both are audited with their counts.
 */
import type { RoutePlugin } from '../http/typeProvider.js';
import { exportServerData, restoreServerData } from '../backup/backupTransfer.js';
import { MAX_SERVER_BACKUP_BYTES, SERVER_BACKUP_FORMAT } from '../backup/backupFormat.js';
import { apiError } from '../http/errors.js';
import { errorReplies } from '../http/schemas.js';
import { requireAdmin, type Identity } from '../identity/authenticate.js';
import type { ServerServices } from '../services.js';

const counted = { type: 'object', required: ['added', 'kept'], properties: { added: { type: 'integer' }, kept: { type: 'integer' } } } as const;
const summary = {
  type: 'object',
  required: ['instances', 'journal', 'timers', 'outbox', 'designs', 'organisations', 'subjects', 'certificateKeys', 'certificates'],
  properties: { instances: { type: 'integer' }, journal: { type: 'integer' }, timers: { type: 'integer' }, outbox: { type: 'integer' }, designs: counted, organisations: counted, subjects: counted, certificateKeys: counted, certificates: { type: 'integer' } },
} as const;

function requireWholeServer(identity: Identity): void {
  if (identity.actor.divisions !== undefined) {
    throw apiError('forbidden', 'only an administrator whose data scope is everything may back up or restore the whole server', '仅数据范围为“全部”的管理员可备份或恢复整个服务器', { reason: 'scope' });
  }
}

export function backupRoutes(services: ServerServices): RoutePlugin {
  const { store, audit, forms } = services;
  return async (app) => {
    app.get(
      '/api/admin/backup',
      {
        schema: {
          tags: ['admin'],
          summary: `Everything shared on this server as one JSON file (${SERVER_BACKUP_FORMAT}): cases with their journals, deadlines and messages, published forms, organisations, farms, signed certificates and the public certificate keys; not accounts, not private keys`,
          response: errorReplies,
        },
      },
      async (request, reply) => {
        const identity = requireAdmin(request);
        requireWholeServer(identity);
        const backup = await exportServerData(store.client);
        const counts = { instances: backup.engine.instances.length, journal: backup.engine.journal.length, designs: backup.designs.length, organisations: backup.organisations.length, subjects: backup.subjects.length };
        await audit.record({ kind: 'backup-exported', accountId: identity.account.id, login: identity.account.login, address: request.ip, detail: counts });
        const day = backup.exportedAt.slice(0, 10);
        return reply.header('content-disposition', `attachment; filename="nongan-server-backup-${day}.json"`).type('application/json').send(JSON.stringify(backup));
      },
    );

    app.get(
      '/api/admin/checkpoints',
      {
        schema: {
          tags: ['admin'],
          summary: "Walks every signed checkpoint of journal heads (signature, chain) and holds every case's journal to the last head anchored for it; names the last good checkpoint",
          response: {
            200: {
              type: 'object',
              required: ['ok', 'checkpoints', 'lastGood', 'problems'],
              properties: {
                ok: { type: 'boolean' },
                checkpoints: { type: 'integer' },
                lastGood: { type: ['object', 'null'], required: ['seq', 'at'], properties: { seq: { type: 'integer' }, at: { type: 'integer' } } },
                problems: {
                  type: 'array',
                  items: { type: 'object', required: ['checkpoint', 'message', 'messageZh'], properties: { checkpoint: { type: 'integer' }, instanceId: { type: 'string' }, seq: { type: 'integer' }, message: { type: 'string' }, messageZh: { type: 'string' } } },
                },
              },
            },
            ...errorReplies,
          },
        },
      },
      async (request) => {
        requireWholeServer(requireAdmin(request));
        return services.engine.verifyCheckpoints();
      },
    );

    app.post(
      '/api/admin/restore',
      {
        bodyLimit: MAX_SERVER_BACKUP_BYTES,
        schema: {
          tags: ['admin'],
          summary: 'Restore a backup file: checked in full (shape, every journal hash chain, every case replayed through its workflow against its record and deadlines), then in one transaction the cases are replaced and missing forms, organisations and farms added; nothing changes when anything is refused',
          body: { type: 'object', additionalProperties: true, description: `A file GET /api/admin/backup wrote (format ${SERVER_BACKUP_FORMAT}).` },
          response: { 200: summary, ...errorReplies },
        },
      },
      async (request) => {
        const identity = requireAdmin(request);
        requireWholeServer(identity);
        const result = await restoreServerData(store.client, request.body, services.engine);
        await forms.reload();
        await audit.record({ kind: 'backup-restored', accountId: identity.account.id, login: identity.account.login, address: request.ip, detail: { ...result } });
        return result;
      },
    );
  };
}
