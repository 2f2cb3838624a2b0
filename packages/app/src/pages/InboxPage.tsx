/** An official's inbox: the engine's task list for this actor (role, region, subject all checked there). */
import { TaskInbox } from '@nongan/react';
import { usePortal, useText } from '../shell/PortalContext.js';

export function InboxPage() {
  const { actor, navigate } = usePortal();
  const t = useText();
  if (!actor) return null;
  return (
    <section className="portal-card" aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t('inboxTitle')}</h1>
      <TaskInbox key={actor.id} actor={actor} onOpen={(instanceId) => navigate({ page: 'case', instanceId })} />
    </section>
  );
}
