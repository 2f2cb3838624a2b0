/**
 * Every failure leaves the server as the engine's error JSON (`code`, `message`, `messageZh`,
 * `details`) with the status that code means, whether it came from the engine, from Fastify's own
 * checks (schema, JSON syntax, body size, `__proto__`), or from a bug (logged, answered as 500 without
 * internals).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { EngineError, isEngineError, type EngineErrorCode } from '@nongan/engine';
import { isConnectionError } from '@nongan/engine/postgres';
import localize from 'ajv-i18n';
import type { ErrorObject } from 'ajv';

/** Codes the HTTP layer adds to the engine's: no session, and too many attempts. */
export type ApiErrorCode = EngineErrorCode | 'unauthenticated' | 'too-many-requests' | 'internal';

export const STATUS_OF: Record<ApiErrorCode, number> = {
  'invalid-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  'unknown-workflow': 404,
  conflict: 409,
  'already-exists': 409,
  'not-allowed-in-state': 409,
  integrity: 409,
  'rule-refused': 422,
  'invalid-data': 422,
  'too-many-requests': 429,
  'invalid-definition': 500,
  internal: 500,
  unavailable: 503,
};

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  messageZh: string;
  details: Record<string, unknown>;
}

const TITLES: Record<ApiErrorCode, { en: string; zh: string }> = {
  'invalid-input': { en: 'Invalid input', zh: '调用参数无效' },
  unauthenticated: { en: 'Not signed in', zh: '未登录' },
  forbidden: { en: 'Forbidden', zh: '无权执行此操作' },
  'not-found': { en: 'Not found', zh: '未找到' },
  'unknown-workflow': { en: 'Unknown workflow', zh: '未注册的流程' },
  conflict: { en: 'Conflict', zh: '数据冲突' },
  'already-exists': { en: 'Already exists', zh: '已存在' },
  'not-allowed-in-state': { en: 'Not allowed in the current state', zh: '当前状态不允许此操作' },
  'rule-refused': { en: 'A rule of this procedure is not met', zh: '不符合办理条件' },
  integrity: { en: 'The case record does not match its journal', zh: '案件记录与办理流水不一致' },
  'invalid-data': { en: 'Submitted data does not satisfy the form', zh: '提交的数据不符合表单要求' },
  'too-many-requests': { en: 'Too many attempts', zh: '尝试次数过多' },
  'invalid-definition': { en: 'Invalid workflow definition', zh: '流程定义无效' },
  internal: { en: 'Internal error', zh: '服务器内部错误' },
  unavailable: { en: 'Unavailable', zh: '服务暂时不可用' },
};

/** A refusal of the HTTP layer itself, shaped like the engine's errors. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly text: { en: string; zh: string },
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${TITLES[code].en}: ${text.en}`);
  }
  toJSON(): ApiErrorBody {
    return { code: this.code, message: this.message, messageZh: `${TITLES[this.code].zh}：${this.text.zh}`, details: this.details };
  }
}

export function apiError(code: ApiErrorCode, en: string, zh: string, details: Record<string, unknown> = {}): ApiError {
  return new ApiError(code, { en, zh }, details);
}

/** A case the actor may not see answers exactly like a case that does not exist (no existence leak). */
export function caseNotFound(instanceId: string): EngineError {
  return new EngineError('not-found', { en: `case ${instanceId} does not exist`, zh: `案件 ${instanceId} 不存在` }, { instanceId });
}

interface ValidationFailure {
  validation: ErrorObject[];
  validationContext?: string;
}

function validationBody(error: FastifyError & ValidationFailure): ApiErrorBody {
  const zh = error.validation.map((e) => ({ ...e }));
  localize.zh(zh);
  const where = error.validationContext ?? 'body';
  const issues = error.validation.map((e, i) => {
    const path = `/${where}${e.instancePath}`;
    const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : '';
    return { path, message: `${path} ${e.message ?? 'is invalid'}${extra}`, messageZh: `${path} ${zh[i]?.message ?? '无效'}${extra}` };
  });
  return {
    code: 'invalid-input',
    message: `Invalid input: ${issues.map((i) => i.message).join('; ')}`,
    messageZh: `调用参数无效：${issues.map((i) => i.messageZh).join('；')}`,
    details: { issues },
  };
}

/** Fastify's own refusals (FST_ERR_*), by code, in both languages. */
const FASTIFY_ERRORS: Record<string, { status: number; en: string; zh: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, en: 'the body is larger than the server accepts', zh: '请求体超过服务器允许的大小' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, en: 'send the body as application/json', zh: '请求体须为 application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, en: 'the Content-Length does not match the body', zh: 'Content-Length 与请求体不符' },
};

export function errorReply(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof ApiError) return reply.code(STATUS_OF[error.code]).send(error.toJSON());
  if (isEngineError(error)) {
    if (error.code === 'unavailable') reply.header('retry-after', '1');
    if (error.code === 'invalid-definition') request.log.error({ err: error }, 'engine definition error');
    return reply.code(STATUS_OF[error.code]).send(error.toJSON());
  }
  // A database connection lost outside the engine (a session lookup): the same retryable answer.
  if (isConnectionError(error)) {
    reply.header('retry-after', '1');
    return reply.code(503).send(new ApiError('unavailable', { en: 'the database cannot be reached; retry with the same commandId', zh: '数据库暂时无法访问，请用同一指令号重试' }, { retryable: true }).toJSON());
  }
  const fastifyError = error as FastifyError & Partial<ValidationFailure>;
  if (fastifyError.validation) return reply.code(400).send(validationBody(fastifyError as FastifyError & ValidationFailure));
  const known = fastifyError.code ? FASTIFY_ERRORS[fastifyError.code] : undefined;
  if (known) return reply.code(known.status).send({ code: 'invalid-input', message: `Invalid input: ${known.en}`, messageZh: `调用参数无效：${known.zh}`, details: { reason: fastifyError.code } });
  const status = typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500 ? fastifyError.statusCode : 500;
  if (status === 500) request.log.error({ err: error }, 'request failed');
  return reply.code(status).send({
    code: status === 500 ? 'internal' : 'invalid-input',
    message: status === 500 ? 'Internal error: the server could not complete the request; it was logged' : `Invalid input: ${fastifyError.message}`,
    messageZh: status === 500 ? '服务器内部错误：请求未能完成，已记录日志' : `调用参数无效：${fastifyError.message}`,
    details: { requestId: request.id },
  });
}

export { EngineError };
