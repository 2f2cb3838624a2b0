/**
 * JSON Schemas of the API's bodies and replies: Fastify validates requests with them, serialises
 * replies with them, derives the handlers' types from them (json-schema-to-ts) and publishes them in
 * the OpenAPI document. One source for all four.
 */
import type { JSONSchema } from 'json-schema-to-ts';

/** Ids of cases, regions, subjects and commands: printable, bounded (the engine's own id rule). */
export const id = { type: 'string', minLength: 1, maxLength: 200, pattern: '^[^\\u0000-\\u001f\\u007f]+$' } as const satisfies JSONSchema;

export const localText = {
  type: 'object',
  required: ['zh', 'en'],
  properties: { zh: { type: 'string' }, en: { type: 'string' } },
} as const satisfies JSONSchema;

/** State values are strings or nested objects of them (XState). */
export const stateValue = { anyOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }] } as const satisfies JSONSchema;

export const engineError = {
  $id: 'EngineError',
  type: 'object',
  description: 'Every refusal: a stable code, an English and a Chinese message, and specifics.',
  required: ['code', 'message', 'messageZh', 'details'],
  properties: {
    code: {
      type: 'string',
      enum: ['forbidden', 'not-allowed-in-state', 'rule-refused', 'invalid-data', 'invalid-input', 'invalid-definition', 'conflict', 'not-found', 'unknown-workflow', 'already-exists', 'integrity', 'unavailable', 'unauthenticated', 'too-many-requests', 'internal'],
    },
    message: { type: 'string' },
    messageZh: { type: 'string' },
    details: { type: 'object', additionalProperties: true },
  },
} as const satisfies JSONSchema;

export const sendResult = {
  $id: 'SendResult',
  type: 'object',
  required: ['instanceId', 'revision', 'state', 'stateKey', 'status', 'seq', 'commandId', 'replayed'],
  properties: {
    instanceId: { type: 'string' },
    revision: { type: 'integer' },
    state: stateValue,
    stateKey: { type: 'string' },
    status: { type: 'string', enum: ['active', 'done'] },
    seq: { type: 'integer' },
    commandId: { type: 'string' },
    replayed: { type: 'boolean', description: 'True when this is the stored answer to a repeated commandId.' },
  },
} as const satisfies JSONSchema;

const timerSummary = {
  type: 'object',
  required: ['id', 'statePath', 'dueAt'],
  properties: { id: { type: 'string' }, statePath: { type: 'string' }, dueAt: { type: 'number' } },
} as const satisfies JSONSchema;

export const instanceRecord = {
  $id: 'Instance',
  type: 'object',
  required: ['id', 'workflowId', 'workflowVersion', 'region', 'subject', 'status', 'state', 'stateKey', 'revision', 'acceptedEvents', 'timers', 'nextDueAt', 'pins', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string' },
    workflowId: { type: 'string' },
    workflowVersion: { type: 'integer' },
    region: { type: 'string' },
    subject: { type: 'string' },
    division: { type: 'string', description: 'GB/T 2260 code of where the subject is (data scope is matched against it).' },
    status: { type: 'string', enum: ['active', 'done'] },
    state: stateValue,
    stateKey: { type: 'string' },
    context: {},
    revision: { type: 'integer' },
    journalHead: { type: 'object', properties: { seq: { type: 'integer' }, hash: { type: 'string' } } },
    acceptedEvents: { type: 'array', items: { type: 'string' } },
    taskKeys: { type: 'array', items: { type: 'string' } },
    timers: { type: 'array', items: timerSummary },
    nextDueAt: { type: ['number', 'null'] },
    pins: { type: 'object', additionalProperties: { type: 'string' } },
    caseNumber: { type: 'string', description: '受理编号 people quote, e.g. 济源-2026-000123 (absent on cases opened before numbers existed).' },
    work: {
      type: 'object',
      description: 'Who holds the current task, to whom it is delegated, the countersign under way (signers and votes), copies (read or not) and reminders.',
      additionalProperties: true,
    },
    createdAt: { type: 'number' },
    updatedAt: { type: 'number' },
  },
} as const satisfies JSONSchema;

export const journalEntry = {
  $id: 'JournalEntry',
  type: 'object',
  required: ['instanceId', 'seq', 'kind', 'at', 'recordedAt', 'actor', 'event', 'stateAfter', 'status', 'revision', 'commandId', 'prevHash', 'hash'],
  properties: {
    instanceId: { type: 'string' },
    seq: { type: 'integer' },
    kind: { type: 'string', enum: ['start', 'event', 'timer', 'message', 'migrate', 'task'] },
    at: { type: 'number' },
    recordedAt: { type: 'number' },
    actor: { type: 'object', properties: { id: { type: 'string' }, role: { type: 'string' } } },
    event: { type: 'object', properties: { type: { type: 'string' }, data: { type: 'object', additionalProperties: true } } },
    form: { type: 'object', properties: { id: { type: 'string' }, version: { type: 'string' } } },
    stateBefore: { anyOf: [stateValue, { type: 'null' }] },
    stateAfter: stateValue,
    status: { type: 'string', enum: ['active', 'done'] },
    workflowVersion: { type: 'integer' },
    revision: { type: 'integer' },
    commandId: { type: 'string' },
    opinion: {
      type: 'object',
      description: '审批意见 given with the step, with the signer\'s name.',
      properties: { text: { type: 'string' }, signer: { type: 'string' }, attachments: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, ref: { type: 'string' } } } } },
    },
    task: { type: 'object', description: 'A task operation\'s acting person (name), the people it named and what it decided.', additionalProperties: true },
    opened: { type: 'object', additionalProperties: true },
    deadlines: { type: 'array', items: { type: 'object', additionalProperties: true } },
    withheld: { type: 'array', items: { type: 'string' }, description: 'Fields of event.data left out for this reader by the form\'s field permissions (the stored entry and its hash keep them).' },
    recordHash: { type: 'string' },
    prevHash: { type: 'string' },
    hash: { type: 'string' },
  },
} as const satisfies JSONSchema;

export const verifyResult = {
  $id: 'VerifyResult',
  type: 'object',
  required: ['ok', 'entries', 'problems'],
  properties: {
    ok: { type: 'boolean' },
    entries: { type: 'integer' },
    problems: {
      type: 'array',
      items: {
        type: 'object',
        required: ['seq', 'kind', 'message', 'messageZh'],
        properties: {
          seq: { type: 'integer' },
          kind: { type: 'string', description: 'edited, missing, broken-link, head-mismatch, replay-differs, not-accepted, cannot-replay, record-differs, timer-missing, timer-differs, timer-extra, checkpoint …' },
          field: { type: 'string', description: 'The field of the case or entry that differs (record and replay problems).' },
          message: { type: 'string' },
          messageZh: { type: 'string' },
        },
      },
    },
    checkpoint: {
      type: 'object',
      description: 'The latest signed checkpoint that anchors the case and holds.',
      required: ['seq', 'at'],
      properties: { seq: { type: 'integer' }, at: { type: 'integer' } },
    },
  },
} as const satisfies JSONSchema;

/** An account as its owner and administrators see it: never a password hash or TOTP secret. */
export const account = {
  $id: 'Account',
  type: 'object',
  required: ['id', 'login', 'displayName', 'roles', 'region', 'subjects', 'organisationId', 'dataScope', 'customDivisions', 'mustChangePassword', 'totpEnabled', 'disabled'],
  properties: {
    id: { type: 'string' },
    login: { type: 'string' },
    displayName: { type: 'string' },
    roles: { type: 'array', items: { type: 'string' } },
    region: { type: ['string', 'null'] },
    subjects: { type: 'array', items: { type: 'string' } },
    organisationId: { type: ['string', 'null'] },
    dataScope: { type: 'string', enum: ['all', 'custom', 'org-and-below', 'self'] },
    customDivisions: { type: 'array', items: { type: 'string' } },
    mustChangePassword: { type: 'boolean' },
    totpEnabled: { type: 'boolean' },
    disabled: { type: 'boolean' },
  },
} as const satisfies JSONSchema;

/** Reply shapes shared by every route: the refusals a caller can get. */
export const errorReplies = {
  400: { $ref: 'EngineError#' },
  401: { $ref: 'EngineError#' },
  403: { $ref: 'EngineError#' },
  404: { $ref: 'EngineError#' },
  409: { $ref: 'EngineError#' },
  422: { $ref: 'EngineError#' },
  429: { $ref: 'EngineError#' },
  503: { $ref: 'EngineError#' },
} as const;

export const SHARED_SCHEMAS = [engineError, sendResult, instanceRecord, journalEntry, verifyResult, account] as const;
