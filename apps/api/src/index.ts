export { type AppType, createApp, MAX_BODY_BYTES } from './app';
export { type ApiConfig, loadApiConfig } from './config';
export type { AppDeps, AppEnv } from './env';
export type { ApiErrorBody } from './errors';
export { serveAccord } from './http-server';
export type { ImportIssueCode } from './services/program-csv';
