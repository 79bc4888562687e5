import { checkRepository, lockProblems } from './check-lock';
import { join } from 'node:path';

const root = {
  name: 'obolus',
  workspaces: ['libs/*'],
  dependencies: { kafkajs: '2.2.4' },
  devDependencies: { jest: '30.2.0' },
};
const lockOf = (packages: Record<string, unknown>) => ({ lockfileVersion: 3, packages });
const healthyPackages = () => ({
  '': { name: 'obolus', workspaces: ['libs/*'], dependencies: { kafkajs: '2.2.4' }, devDependencies: { jest: '30.2.0' } },
  'libs/money': { name: '@obolus/money', version: '0.1.0' },
  'node_modules/@obolus/money': { resolved: 'libs/money', link: true },
  'node_modules/kafkajs': { version: '2.2.4' },
  'node_modules/jest': { version: '30.2.0', dev: true },
});
const manifests = (folder: string) =>
  ({ '': root, 'libs/money': { name: '@obolus/money' } })[folder as '' | 'libs/money'] as object | undefined;

describe('package-lock check', () => {
  it('accepts the repository lock as committed', () => {
    expect(checkRepository(join(__dirname, '..'))).toEqual([]);
  });

  it('accepts a lock that agrees with its manifests', () => {
    expect(lockProblems(lockOf(healthyPackages()), manifests)).toEqual([]);
  });

  it('names every package entry that has no version (the npm "Invalid Version" crash)', () => {
    const packages = {
      ...healthyPackages(),
      'node_modules/unrs-resolver/node_modules/@unrs/resolver-binding-darwin-x64': { dev: true, optional: true },
      'node_modules/left-pad': { version: '' },
    };
    expect(lockProblems(lockOf(packages), manifests)).toEqual([
      'node_modules/unrs-resolver/node_modules/@unrs/resolver-binding-darwin-x64 has no version',
      'node_modules/left-pad has no version',
    ]);
  });

  it('names a dependency that package.json and the lock disagree on, in both directions', () => {
    const packages = healthyPackages();
    packages[''] = { ...packages[''], dependencies: { kafkajs: '2.2.3', pg: '8.16.3' } };
    expect(lockProblems(lockOf(packages), manifests)).toEqual([
      'package.json dependencies has kafkajs@2.2.4, the lock has 2.2.3',
      'the lock has pg in package.json dependencies, package.json does not',
    ]);
  });

  it('names a workspace the lock lists but the repository lacks', () => {
    const packages = { ...healthyPackages(), 'libs/gone': { name: '@obolus/gone', version: '0.1.0' } };
    expect(lockProblems(lockOf(packages), manifests)).toEqual([
      'the lock lists workspace libs/gone, but libs/gone/package.json does not exist',
    ]);
  });
});
