/** Opening an invitation or reset link: the person sets their password (no session needed; the link works once). */
import { shownError } from '@nongan/react';
import { useState } from 'react';
import { usePortal } from '../shell/PortalContext.js';
import { adminText, type AdminTextKey } from './adminText.js';

export function SetPasswordPage({ token }: { token: string }) {
  const { runtime, locale, navigate } = usePortal();
  const a = (key: AdminTextKey) => adminText(locale, key);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const [saved, setSaved] = useState(false);
  const connection = runtime.server?.connection;
  if (!connection) {
    return (
      <section className="portal-card">
        <h1>{a('setPasswordTitle')}</h1>
        <p>{a('serverOnly')}</p>
      </section>
    );
  }

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    setMismatch(password !== repeat);
    if (password !== repeat) return;
    try {
      await connection.request('POST', '/api/session/password', { token, password });
      setSaved(true);
    } catch (failure) {
      setError(failure);
    }
  };
  const shown = error ? shownError(error) : null;
  return (
    <form className="portal-card portal-signin" onSubmit={submit} aria-labelledby="set-password-title">
      <h1 id="set-password-title">{a('setPasswordTitle')}</h1>
      {saved ? (
        <>
          <p role="status">{a('passwordSaved')}</p>
          <button type="button" className="portal-primary" onClick={() => navigate({ page: 'home' })}>
            {a('goSignIn')}
          </button>
        </>
      ) : (
        <>
          <p className="portal-muted">{a('setPasswordHelp')}</p>
          <label>
            {a('newPassword')}
            <input name="password" type="password" autoComplete="new-password" minLength={8} value={password} onChange={(e) => setPassword(e.target.value)} required />
          </label>
          <label>
            {a('repeatPassword')}
            <input name="repeat" type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required />
          </label>
          {(shown || mismatch) && (
            <p className="portal-error" role="alert">
              {mismatch ? a('passwordsDiffer') : locale === 'en' ? shown!.message : shown!.messageZh}
            </p>
          )}
          <button type="submit" className="portal-primary">
            {a('setPasswordButton')}
          </button>
        </>
      )}
    </form>
  );
}
