/** @nongan/client: the engine interface over a Nong'an server, with sign-in, live steps and an offline queue. */
export { createServerConnection, isOfflineError, offlineError, ServerError } from './connection.js';
export type { ConnectionOptions, HttpMethod, RequestOptions, ServerAccount, ServerConnection, ServerSession } from './connection.js';
export { createRemoteEngine, type RemoteEngine, type RemoteEngineOptions, type RemoteSendResult } from './remoteEngine.js';
export { createOfflineStore, type OfflineStore, type QueuedCommand, type QueuedStatus, type Refusal } from './offlineStore.js';
export { createCommandQueue, type CommandQueue, type ReplayReport } from './commandQueue.js';
export { createLiveSteps, type EventSourceFactory, type EventSourceLike, type LiveSteps } from './liveSteps.js';
export { createRemoteDesignerStore, type RemoteDesignerStore } from './remoteDesignerStore.js';
