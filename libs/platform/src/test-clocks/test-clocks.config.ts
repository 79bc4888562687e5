import { optional } from '../config';

/**
 * `OBOLUS_TEST_CLOCKS=enabled`: anyone may use test clocks (local stack, e2e). Unset or `disabled`
 * (production): only staff tokens may, and identity refuses a sign-up on a test clock.
 */
export const testClocksConfigSpec = {
  OBOLUS_TEST_CLOCKS: optional<'enabled' | 'disabled'>({
    description: 'enabled: test clocks for every caller (local and test deployments); unset or disabled: staff only',
    parse: (raw) => {
      if (raw !== 'enabled' && raw !== 'disabled') throw new Error(`'${raw}' is not enabled or disabled`);
      return raw;
    },
  }),
};

export const testClocksEnabled = (config: { OBOLUS_TEST_CLOCKS?: 'enabled' | 'disabled' }): boolean =>
  config.OBOLUS_TEST_CLOCKS === 'enabled';
