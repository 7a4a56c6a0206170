/** @type {import('jest').Config} */
const swcrc = JSON.parse(require('node:fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  testMatch: ['<rootDir>/{src,events,projections,test}/**/*.test.ts'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
};
