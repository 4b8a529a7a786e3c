export { DEMO_PEOPLE, type DemoPerson, SANDBOX_TELEGRAM_ID_BASE } from './demo-people';
export { seedDemoRegister } from './demo-register';
export {
  DEMO_PROGRAM_CODE,
  type DemoYearError,
  type DemoYearOptions,
  type DemoYearSummary,
  fillDemoYear,
} from './demo-year';
export { COMMISSION, MEMBER_STATES, PROGRAM_2020 } from './reference';
export {
  type DemoSeedOptions,
  linkSandboxCommissionGroup,
  SANDBOX_COMMISSION_GROUP,
  sandboxDemoUsers,
  seedDemoPeople,
  seedReference,
} from './seed';
