import { ACTIONS, can, effectiveRoles, ROLES, type Role } from '@accord/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteRule } from '../middleware/authorize';
import { createTestApp } from '../test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.db.destroy());

/** Every route the app serves, with the rule its middleware carries (if any). */
const routeTable = () => {
  const table = new Map<string, RouteRule[]>();
  for (const route of t.app.routes) {
    if (route.method === 'ALL') continue;
    const key = `${route.method} ${route.path}`;
    const rule = (route.handler as { rule?: RouteRule }).rule;
    table.set(key, [...(table.get(key) ?? []), ...(rule ? [rule] : [])]);
  }
  return table;
};

/** One person holding exactly `role` (a deputy is an observer the chairman named). */
async function personWith(role: Role): Promise<{ cookie: string; roles: Role[] }> {
  const now = t.now;
  const assigned: Role[] = role === 'deputy' ? ['observer'] : [role];
  const { id } = await t.db
    .insertInto('people')
    .values({
      name: `Only ${role}`,
      roles: JSON.stringify(assigned),
      language: 'en',
      time_zone: 'UTC',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (role === 'deputy') await t.db.updateTable('commission').set({ deputy_person_id: id }).execute();
  return { cookie: await t.signInAs(id), roles: effectiveRoles(id, assigned, role === 'deputy' ? id : null) };
}

const request = (cookie: string | null, key: string) => {
  const [method = 'GET', path = '/'] = key.split(' ');
  return t.call(cookie, method, path.replace(/:id\b/g, '999999'), method === 'GET' ? undefined : {});
};

describe('every route has a rule, and the rule is the matrix', () => {
  it('gives every route exactly one rule: an action of the matrix, or public with a reason', () => {
    const table = routeTable();
    expect(table.size).toBeGreaterThan(15);
    for (const [key, rules] of table) {
      expect(rules, `${key} has no rule (authorize(action) or publicRoute(reason))`).toHaveLength(1);
      const rule = rules[0];
      if (rule && 'action' in rule) expect(ACTIONS).toContain(rule.action);
      else expect(rule?.public.length).toBeGreaterThan(5);
    }
  });

  it('allows or refuses each role exactly as the matrix says, and refuses strangers', async () => {
    // Signing out everywhere ends the session the walk uses: it goes last.
    const guarded = [...routeTable()]
      .flatMap(([key, [rule]]) => (rule && 'action' in rule ? [{ key, action: rule.action }] : []))
      .sort((a, b) => Number(a.key.endsWith('logout-all')) - Number(b.key.endsWith('logout-all')));
    for (const role of ROLES) {
      const { cookie, roles } = await personWith(role);
      for (const { key, action } of guarded) {
        const res = await request(cookie, key);
        if (can(roles, action)) expect([401, 403], `${role} → ${key}`).not.toContain(res.status);
        else expect(res.status, `${role} → ${key}`).toBe(403);
      }
      if (role === 'deputy') await t.db.updateTable('commission').set({ deputy_person_id: null }).execute();
    }
    for (const { key } of guarded) expect((await request(null, key)).status, key).toBe(401);
  });
});
