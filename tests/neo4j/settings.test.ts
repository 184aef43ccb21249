import { describe as group, expect, it } from 'vitest';
import { describe, settingsFromEnv } from '../../src/neo4j/settings.js';

group('settingsFromEnv', () => {
  it('is null when NEO4J_URI is unset or blank', () => {
    expect(settingsFromEnv({})).toBeNull();
    expect(settingsFromEnv({ NEO4J_URI: '  ', NEO4J_PASSWORD: 'x' })).toBeNull();
  });

  it('defaults the user to neo4j and the password to empty, and leaves the database unset', () => {
    expect(settingsFromEnv({ NEO4J_URI: 'bolt://db:7687' })).toEqual({ uri: 'bolt://db:7687', user: 'neo4j', password: '' });
  });

  it('reads user, password and database', () => {
    expect(
      settingsFromEnv({ NEO4J_URI: ' neo4j+s://abc.databases.neo4j.io ', NEO4J_USER: 'alice', NEO4J_PASSWORD: ' s3cret ', NEO4J_DATABASE: 'graph' }),
    ).toEqual({ uri: 'neo4j+s://abc.databases.neo4j.io', user: 'alice', password: ' s3cret ', database: 'graph' });
  });

  it('moves credentials out of the URI, letting NEO4J_USER / NEO4J_PASSWORD win', () => {
    expect(settingsFromEnv({ NEO4J_URI: 'neo4j+s://bob:p%40ss@abc.databases.neo4j.io:7687' })).toEqual({
      uri: 'neo4j+s://abc.databases.neo4j.io:7687',
      user: 'bob',
      password: 'p@ss',
    });
    expect(settingsFromEnv({ NEO4J_URI: 'bolt://bob:old@db:7687', NEO4J_USER: 'carol', NEO4J_PASSWORD: 'new' })).toEqual({
      uri: 'bolt://db:7687',
      user: 'carol',
      password: 'new',
    });
  });
});

group('describe', () => {
  const base = { user: 'neo4j', password: 'hunter2' };

  it('strips userinfo from the URI', () => {
    const text = describe({ ...base, uri: 'neo4j+s://admin:hunter2@abc.databases.neo4j.io:7687?policy=x' });
    expect(text).toBe('neo4j+s://abc.databases.neo4j.io:7687?policy=x');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('admin');
  });

  it('never includes the password and keeps a plain URI as it is', () => {
    expect(describe({ ...base, uri: 'bolt://127.0.0.1:7687' })).toBe('bolt://127.0.0.1:7687');
  });
});
