/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	testTimeout: 60000,
	setupFiles: ['<rootDir>/test/support/env.ts'],
	// every request a test sends to the simulator is checked against Keitaro's OpenAPI spec
	setupFilesAfterEnv: ['<rootDir>/test/support/contractSetup.ts'],
	globalSetup: '<rootDir>/test/support/contractGlobalSetup.ts',
	globalTeardown: '<rootDir>/test/support/contractGlobalTeardown.ts',
	// .tmp/ holds CI's copy of the checkout for the Node 24 run
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/'],
};
