/**
 * JSON request bodies, parsed with secure-json-parse (what Fastify itself uses) so that the two ways a
 * body can be refused are told apart: text that is not JSON, and JSON that carries `__proto__` or
 * `constructor.prototype` keys (prototype pollution), which is refused outright rather than cleaned.
 */
import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { apiError } from './errors.js';

export function registerJsonBodies(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(apiError('invalid-input', 'the body is empty but declared as JSON', '请求体为空，但声明为 JSON', { reason: 'empty-body' }), undefined);
    try {
      done(null, secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch (error) {
      if (error instanceof SyntaxError && /prototype/i.test(error.message)) {
        return done(apiError('invalid-input', 'the body carries a __proto__ or constructor.prototype key, which is refused', '请求体含有 __proto__ 或 constructor.prototype 键，已拒绝', { reason: 'prototype-key' }), undefined);
      }
      done(apiError('invalid-input', `the body is not valid JSON (${(error as Error).message})`, `请求体不是合法的 JSON（${(error as Error).message}）`, { reason: 'bad-json' }), undefined);
    }
  });
}
