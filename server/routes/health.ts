import type { AppContext } from '../app.ts';
import type { RouteDef } from './registry.ts';

export function healthRoutes(ctx: AppContext): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/health',
      access: 'public',
      params: {},
      summary: 'Liveness and data version',
      handler: async () => ({ status: 'ok', dataVersion: await ctx.db.dataVersion() }),
    },
  ];
}
