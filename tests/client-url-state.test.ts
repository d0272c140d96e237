// @vitest-environment jsdom
import { afterEach, describe, expect, test } from 'vitest';
import { mergeQuery, navigate, onUrlChange, parseQuery, serialiseQuery, setParams, getParam } from '../client/src/url-state.ts';
import { apiUrl, loginUrl } from '../client/src/api.ts';
import { findPage, normalisePath } from '../client/src/router.ts';
import { pages } from '../client/src/pages/index.ts';

describe('url-state (pure)', () => {
  test('parse and serialise: period first, other parameters sorted, empty dropped', () => {
    const p = parseQuery('?z=1&to=2025-03-31&a=x%20y&from=2024-04-01&empty=');
    expect(p.get('a')).toBe('x y');
    expect(serialiseQuery(p)).toBe('?from=2024-04-01&to=2025-03-31&a=x+y&z=1');
    expect(serialiseQuery(parseQuery(''))).toBe('');
  });

  test('merge sets, replaces and deletes parameters', () => {
    expect(mergeQuery('?from=2024-04-01&to=2025-03-31', { dimension: 'sex' })).toBe('?from=2024-04-01&to=2025-03-31&dimension=sex');
    expect(mergeQuery('?from=2024-04-01&dimension=sex', { dimension: null, from: '2023-04-01' })).toBe('?from=2023-04-01');
    expect(mergeQuery('?a=1', { a: undefined, b: 2 })).toBe('?b=2');
  });

  test('api URLs bind parameters (encoded), login keeps where the user was', () => {
    expect(apiUrl('/api/measures', { from: '2024-04-01', to: '2025-03-31', skip: undefined })).toBe('/api/measures?from=2024-04-01&to=2025-03-31');
    expect(apiUrl('/api/x', { q: "a'&b=1;--" })).toBe('/api/x?q=a%27%26b%3D1%3B--');
    expect(loginUrl('/victims?from=2024-04-01&to=2025-03-31')).toBe('/login?next=%2Fvictims%3Ffrom%3D2024-04-01%26to%3D2025-03-31');
  });
});

describe('url-state (history)', () => {
  let unsubscribe: (() => void) | undefined;
  afterEach(() => unsubscribe?.());

  test('setParams pushes a history entry and notifies; replace and silent behave', () => {
    window.history.replaceState(null, '', '/victims?from=2024-04-01&to=2025-03-31');
    let calls = 0;
    unsubscribe = onUrlChange(() => { calls += 1; });
    const length = window.history.length;
    setParams({ dimension: 'age_band' });
    expect(window.location.pathname + window.location.search).toBe('/victims?from=2024-04-01&to=2025-03-31&dimension=age_band');
    expect(getParam('dimension')).toBe('age_band');
    expect(window.history.length).toBe(length + 1);
    expect(calls).toBe(1);
    setParams({ dimension: 'sex' }, { replace: true });
    expect(window.history.length).toBe(length + 1);
    expect(calls).toBe(2);
    navigate('/?from=2023-04-01&to=2024-03-31', { replace: true, silent: true });
    expect(calls).toBe(2);
    expect(window.location.search).toBe('?from=2023-04-01&to=2024-03-31');
  });
});

describe('router', () => {
  test('paths resolve to registered pages, trailing slashes ignored', () => {
    expect(normalisePath('/victims/')).toBe('/victims');
    expect(normalisePath('/')).toBe('/');
    expect(findPage(pages, '/')?.title).toBe('Overview');
    expect(findPage(pages, '/no-such-page')).toBeUndefined();
  });
});
