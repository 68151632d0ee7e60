// jest setupFilesAfterEnv: every simulator of every test checks requests against the spec
import { KeitaroSimulator } from '../simulator';
import { checkRequest, saveCheckedRequests, takeViolations } from './contract';

KeitaroSimulator.requestCheck = checkRequest;

function failOnViolations(when: string): void {
	const found = takeViolations();
	if (found.length)
		throw new Error(
			`${when}, the simulator received ${found.length} request(s) that Keitaro's OpenAPI spec does not allow (answered 400; test/support/contract.ts lists the documented exceptions):\n  ${found.join('\n  ')}`,
		);
}

afterEach(() => failOnViolations('During this test'));
afterAll(() => {
	saveCheckedRequests(expect.getState().testPath ?? 'unknown');
	failOnViolations('Outside the tests (beforeAll/afterAll)');
});
