/**
 * The demo clock: today's demo date and a button that moves it 5 Chinese working days ahead, then runs
 * the deadlines that fell due, so a visitor watches 公示 periods end and results become overdue.
 */
import { toChinaDate } from '@nongan/engine';
import { useRefresh } from '@nongan/react';
import { useState } from 'react';
import { addWorkingDaysAt } from '../boot/demoClock.js';
import { usePortal, useText } from './PortalContext.js';

export function ClockControl() {
  const { runtime, onClockMoved, clockTick } = usePortal();
  const t = useText();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  void clockTick;
  const today = toChinaDate(runtime.clock.now());

  const advance = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const next = addWorkingDaysAt(runtime.engine.calendar, runtime.clock.now(), 5);
      runtime.demoClock?.save(next);
      const report = await runtime.engine.runDueTimers(next);
      await runtime.engine.idle();
      setMessage(t('advanced', { date: toChinaDate(next), fired: report.fired.length }));
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
      onClockMoved();
      refresh();
    }
  };

  return (
    <div className="portal-clock">
      <span>
        {t('clock')}: <time dateTime={today} data-testid="demo-date">{today}</time>
      </span>
      <button type="button" onClick={advance} disabled={busy}>
        {busy ? t('advancing') : t('advance5')}
      </button>
      {message && (
        <span role="status" className="portal-clock-status">
          {message}
        </span>
      )}
    </div>
  );
}
