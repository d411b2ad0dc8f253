import { describe, expect, it, vi } from 'vitest';
import { AuditLog } from './audit/audit.log.js';
import { createRequestContext, DEFAULT_SERVICE_SETTINGS, type RequestContext } from './context.js';
import type { Em, Orm } from './db/orm.js';
import type { EventBus } from './events/event-bus.js';
import type { Logger } from './logger.js';

/** What Apollo Server does to the context before handing it to resolvers (`cloneObject`). */
const apolloCopy = <T extends object>(object: T): T =>
  Object.assign(Object.create(Object.getPrototypeOf(object) as object) as T, object);

function contextWithLazyFork() {
  const rootEm = { name: 'root' } as unknown as Em;
  const fork = vi.fn(() => ({ name: 'fork' }) as unknown as Em);
  const ctx = createRequestContext({
    requestId: 'r1',
    actor: null,
    em: fork,
    logger: {} as Logger,
    audit: new AuditLog(null, 'r1'),
    events: {} as EventBus,
    orm: { em: rootEm } as unknown as Orm,
    settings: DEFAULT_SERVICE_SETTINGS,
  });
  return { ctx, fork, rootEm };
}

describe('request context', () => {
  it('forks the EntityManager on first use only, and plain SQL runs on the root until then', () => {
    const { ctx, fork, rootEm } = contextWithLazyFork();
    expect(ctx.sqlEm).toBe(rootEm);
    expect(fork).not.toHaveBeenCalled();
    const em = ctx.em;
    expect(ctx.em).toBe(em);
    expect(ctx.sqlEm).toBe(em);
    expect(fork).toHaveBeenCalledTimes(1);
  });

  it("survives Apollo Server's copy without forking, and the copy shares the one fork and the loaders", () => {
    const { ctx, fork, rootEm } = contextWithLazyFork();
    const copy: RequestContext = apolloCopy(ctx);
    expect(fork).not.toHaveBeenCalled();
    expect(copy.sqlEm).toBe(rootEm);
    const em = copy.em;
    expect(ctx.em).toBe(em);
    expect(fork).toHaveBeenCalledTimes(1);
    const create = vi.fn(() => ({ load: vi.fn() }) as never);
    expect(copy.loader('k', create)).toBe(ctx.loader('k', create));
    expect(create).toHaveBeenCalledTimes(1);
    expect(copy.requestId).toBe('r1');
  });
});
