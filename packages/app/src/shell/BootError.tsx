/** Shown when the portal cannot start (no IndexedDB, a broken database, no server): the error in both languages. */
import { isEngineError } from '@nongan/engine';

export function BootError({ error }: { error: unknown }) {
  const detail = isEngineError(error) ? `${error.messageZh} / ${error.message}` : error instanceof Error ? error.message : String(error);
  return (
    <main className="portal-boot-error" role="alert">
      <h1>门户启动失败 / The portal failed to start</h1>
      <p>{detail}</p>
      {isEngineError(error) && error.code === 'unavailable' ? (
        <p>
          <button type="button" onClick={() => window.location.reload()}>
            重试 / Try again
          </button>
        </p>
      ) : (
        <p>可在浏览器设置中清除本站数据后重试。/ You can clear this site's data in the browser settings and try again.</p>
      )}
    </main>
  );
}
