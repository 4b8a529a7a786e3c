import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from './env';
import { handleError, notFound } from './errors';
import { limitBody } from './middleware/body-limit';
import { createRateLimits, DEFAULT_RATE_LIMITS, type RateLimits } from './middleware/rate-limits';
import { sameOrigin } from './middleware/same-origin';
import { sessionMiddleware } from './middleware/session';
import { auditRoutes } from './routes/audit';
import { ballotsRoutes, draftBallotsRoutes } from './routes/ballots';
import { calendarRoutes } from './routes/calendar';
import { commissionRoutes } from './routes/commission';
import { decisionsRoutes } from './routes/decisions';
import { demoRoutes } from './routes/demo';
import { draftAttachmentsRoutes } from './routes/draft-attachments';
import { draftsRoutes } from './routes/drafts';
import { healthRoutes } from './routes/health';
import { meetingsRoutes } from './routes/meetings';
import { messagePreviewsRoutes } from './routes/message-previews';
import { outboxRoutes } from './routes/outbox';
import { peopleRoutes } from './routes/people';
import { programsRoutes } from './routes/programs';
import { reportsRoutes } from './routes/reports';
import { sandboxChatsRoutes } from './routes/sandbox-chats';
import { sessionRoutes } from './routes/session';
import { signOffsRoutes } from './routes/sign-offs';
import { statesRoutes } from './routes/states';
import { extensionRequestsRoutes, tasksRoutes } from './routes/tasks';
import { telegramWebhookRoutes } from './routes/telegram-webhook';
import { workingGroupsRoutes } from './routes/working-groups';

/** Largest JSON body the API accepts; Telegram's updates stay far below it. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Largest file a route that takes one (an activities CSV) accepts. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const takesFile = (path: string) => /^\/api\/programs\/\d+\/activities\/import$/.test(path);
/** The one path that takes a large body (its POST; nothing else is routed there): it sets its own limit. */
const uploadsAttachment = (path: string) => /^\/api\/drafts\/[^/]+\/attachments$/.test(path);
const tooLarge = limitBody(MAX_BODY_BYTES, 'The request body is too large');
const fileTooLarge = limitBody(MAX_FILE_BYTES, 'The file is too large');

/**
 * The API, the webhook and the dashboard, as one Hono app; `serveAccord` serves it with the security
 * headers. Routes are chained so `AppType` carries them.
 */
export function createApp(deps: AppDeps & { publicOrigin?: string; rateLimits?: Partial<RateLimits> }) {
  const limits = createRateLimits({ ...DEFAULT_RATE_LIMITS, ...deps.rateLimits });
  const api = new Hono<AppEnv>()
    .use('*', async (c, next) => {
      c.set('deps', deps);
      await next();
    })
    .use('/api/*', (c, next) => {
      if (uploadsAttachment(c.req.path)) return next();
      return takesFile(c.req.path) ? fileTooLarge(c, next) : tooLarge(c, next);
    })
    .use('/api/*', sameOrigin(deps.publicOrigin))
    .use('/api/*', sessionMiddleware())
    .use('/api/session/login', limits.signIn)
    .use('/api/session/dev-login', limits.signIn)
    .use('/api/*', async (c, next) => (c.req.method === 'GET' ? next() : limits.writes(c, next)))
    .use('/telegram/*', limits.webhook)
    .route('/health', healthRoutes)
    .route('/api/session', sessionRoutes)
    .route('/api/meetings', meetingsRoutes)
    .route('/api/people', peopleRoutes)
    .route('/api/states', statesRoutes)
    .route('/api/outbox', outboxRoutes)
    .route('/api/commission', commissionRoutes)
    .route('/api/audit', auditRoutes)
    .route('/api/working-groups', workingGroupsRoutes)
    .route('/api/drafts', draftsRoutes)
    .route('/api/drafts', draftBallotsRoutes)
    .route('/api/drafts', draftAttachmentsRoutes)
    .route('/api/ballots', ballotsRoutes)
    .route('/api/decisions', decisionsRoutes)
    .route('/api/tasks', tasksRoutes)
    .route('/api/extension-requests', extensionRequestsRoutes)
    .route('/api/programs', programsRoutes)
    .route('/api/calendar', calendarRoutes)
    .route('/api/reports', reportsRoutes)
    .route('/api/demo', demoRoutes)
    .route('/api/sign-offs', signOffsRoutes)
    .route('/api/sandbox-chats', sandboxChatsRoutes)
    .route('/api/message-previews', messagePreviewsRoutes)
    .route('/telegram/webhook', telegramWebhookRoutes);

  api.onError(handleError);
  api.notFound(notFound);
  if (deps.webDist) {
    const root = deps.webDist;
    // Vite names every asset by its content's hash: a browser may keep it for good, and only
    // index.html (not cached here) says which ones a page needs.
    api.use(
      '/assets/*',
      async (c, next) => {
        await next();
        if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
      serveStatic({ root }),
    );
    // Every other page path is the dashboard's: its router takes over in the browser.
    api.get('*', async (c, next) =>
      c.req.path.startsWith('/api/') ? next() : serveStatic({ root, path: 'index.html' })(c, next),
    );
  }
  return api;
}

export type AppType = ReturnType<typeof createApp>;
