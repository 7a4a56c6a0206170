/** @type {import('jest').Config} */
const swcrc = JSON.parse(require('node:fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));

// One project per tier, told apart by the file name: `npm run test:unit|test:int|test:e2e` selects one,
// `npm test` runs them all. test/test-kit.unit.test.ts fails on a test file named for no tier.
function tier(name, extra = {}) {
  return {
    displayName: name,
    testEnvironment: 'node',
    // jose ships ES modules only: Node 20 requires them natively, jest needs them compiled to CommonJS.
    transform: { '^.+\\.(t|j)s$': ['@swc/jest', { ...swcrc, swcrc: false }] },
    transformIgnorePatterns: ['/node_modules/(?!jose/)'],
    // web/: the page's own logic (its unit tests), beside its source.
    testMatch: [`<rootDir>/{src,events,projections,test,web/src}/**/*.${name}.test.ts`],
    setupFiles: ['reflect-metadata'],
    ...extra,
  };
}

// Integration and end-to-end tests run the compiled code (child processes, the CLI): the global setup
// builds dist/ once per run, and only when a test of those tiers runs.
const builds = { globalSetup: '<rootDir>/test/support/global-setup.js' };

module.exports = {
  testTimeout: 30000,
  projects: [tier('unit'), tier('int', builds), tier('e2e', builds)],
};
