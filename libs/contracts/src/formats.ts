import { FormatRegistry } from '@sinclair/typebox';
import { isEmailAddress, isUuid } from './fields';

// TypeBox checks `format` only for formats registered here; these are the ones our contracts use.
const rules: Record<string, (value: string) => boolean> = {
  uuid: isUuid,
  email: isEmailAddress,
};
const patterns: Record<string, RegExp> = {
  date: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  uri: /^[a-z][a-z0-9+.-]*:\/\/[^\s]+$/i,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
};

for (const [name, rule] of Object.entries(rules)) {
  if (!FormatRegistry.Has(name)) FormatRegistry.Set(name, rule);
}
for (const [name, pattern] of Object.entries(patterns)) {
  if (!FormatRegistry.Has(name)) FormatRegistry.Set(name, (value) => pattern.test(value));
}
