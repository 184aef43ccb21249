import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { errorFormatter } from '../../src/graphql/errors.js';

describe('errorFormatter', () => {
  const formatted = (error: GraphQLError) => ({ ...error.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } });

  it('masks an unexpected error and logs it in full', () => {
    const logged: string[] = [];
    const format = errorFormatter(false, (m) => logged.push(m));
    const error = new GraphQLError('x', { originalError: new Error('Neo.ClientError.Statement.SyntaxError: Invalid input at bolt://10.0.0.1') });
    const shown = format(formatted(error), error);
    expect(shown).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(logged[0]).toContain('Neo.ClientError.Statement.SyntaxError');
  });

  it('shows everything when debugging is asked for', () => {
    const format = errorFormatter(true, () => {});
    const error = new GraphQLError('detail');
    expect(format(formatted(error), error).extensions?.stacktrace).toEqual(['at x']);
  });

  it("keeps our own coded errors and gives Apollo's uncoded request errors a code", () => {
    const format = errorFormatter(false, () => {});
    const notFound = { message: 'No model named "x".', extensions: { code: 'NOT_FOUND' } };
    expect(format(notFound, new GraphQLError(notFound.message))).toEqual(notFound);
    const mismatch = { message: 'provided sha does not match query', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    expect(format(mismatch, new GraphQLError(mismatch.message)).extensions?.code).toBe('BAD_REQUEST');
  });
});
