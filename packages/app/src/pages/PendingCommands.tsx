/**
 * Server mode: the actions of this case (or of every case, on the farm page) that this device has not
 * got accepted yet. Waiting ones go when the connection returns; a refused one shows the server's
 * reason and, beside it, what the person entered, read-only in the same form, until they discard it.
 */
import { ServerError, type QueuedCommand, type RemoteEngine } from '@nongan/client';
import type { FormDefinition } from '@nongan/forms';
import { FormView } from '@nongan/forms/react';
import { ErrorNotice, eventLabel, workflowTitle } from '@nongan/react';
import { useEffect, useState } from 'react';
import { toChinaDate } from '@nongan/engine';
import { usePortal, useText } from '../shell/PortalContext.js';

export function PendingCommands({ engine, instanceId, region }: { engine: RemoteEngine; instanceId?: string; region?: string }) {
  const { runtime, locale } = usePortal();
  const t = useText();
  const [commands, setCommands] = useState<QueuedCommand[]>([]);
  useEffect(() => {
    const queue = engine.queue;
    if (!queue) return;
    let live = true;
    const load = () => void queue.list().then((all) => live && setCommands(all.filter((c) => instanceId === undefined || c.instanceId === instanceId)));
    const stop = queue.onChange(load);
    load();
    return () => {
      live = false;
      stop();
    };
  }, [engine, instanceId]);
  if (commands.length === 0) return null;

  const formOf = (command: QueuedCommand): FormDefinition | undefined => {
    if (!command.workflowId || !command.body.data) return undefined;
    try {
      const workflow = engine.workflow(command.workflowId);
      const form = command.kind === 'start' ? workflow.start.form : workflow.events[command.body.type]?.form;
      const where = command.kind === 'start' ? command.body.region : region;
      return form && where ? runtime.forms.definition(where, form.id, {}) : undefined;
    } catch {
      return undefined;
    }
  };
  const actionName = (command: QueuedCommand): string => {
    try {
      const workflow = engine.workflow(command.workflowId);
      return command.kind === 'start' ? `${t('pendingStart')} · ${workflowTitle(workflow, locale)}` : eventLabel(workflow, command.body.type, locale);
    } catch {
      return t('pendingStart');
    }
  };

  return (
    <section className="portal-card portal-pending" aria-labelledby="pending-title" data-testid="pending-commands">
      <h2 id="pending-title">{t('pendingTitle')}</h2>
      <ul>
        {commands.map((command) => {
          const definition = formOf(command);
          return (
            <li key={command.commandId} data-status={command.status}>
              <h3>{actionName(command)}</h3>
              <p className="portal-muted">
                {t('queuedAt')}: {toChinaDate(command.queuedAt)} {new Date(command.queuedAt).toLocaleTimeString(locale, { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' })}
              </p>
              {command.status === 'waiting' ? (
                <p>{t('pendingWaiting')}</p>
              ) : (
                <>
                  <p>{t('pendingRefused')}</p>
                  {command.refusal && <ErrorNotice error={refusalError(command)} />}
                  {definition && command.body.data && (
                    <details open>
                      <summary>{t('keptInput')}</summary>
                      <FormView definition={definition} value={command.body.data} mode="readonly" locale={locale} />
                    </details>
                  )}
                  <button type="button" onClick={() => void engine.queue?.discard(command.commandId)}>
                    {t('discard')}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The kept refusal as the engine error the widgets show (its code, both sentences, the field issues). */
function refusalError(command: QueuedCommand): ServerError {
  const { code, message, messageZh, details } = command.refusal!;
  return new ServerError(409, { code, message, messageZh, details });
}
