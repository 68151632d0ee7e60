/**
 * Keitaro's file editor works the same below /landing_pages and /offers: one set of tests, run by
 * the landing-page and offer test files.
 */
import type { trafficSuite } from './traffic';
import { byId } from './traffic';

export function fileEditorTests(
	t: ReturnType<typeof trafficSuite>,
	object: { locator: string; id: number; base: '/landing_pages' | '/offers' },
) {
	const files = () => t.sim.state.files.get(`${object.base}/${object.id}`);
	const on = { [object.locator]: byId(object.id) };

	describe('file editor', () => {
		test('create, read, list, update and delete a file', async () => {
			const created = await t.run('createFile', {
				...on,
				filePath: 'order/thanks.html',
				content: '<p>Thanks, {name}</p>',
			});
			expect(created.error).toBeUndefined();
			expect(created.data).toMatchObject({ path: 'order/thanks.html', created: true });
			expect(t.requests().map((r) => `${r.method} ${r.path}${r.query}`)).toEqual([
				`POST /admin_api/v1${object.base}/${object.id}/add_file?path=order%2Fthanks.html`,
				`PUT /admin_api/v1${object.base}/${object.id}/update_file?path=order%2Fthanks.html&data=%3Cp%3EThanks%2C%20%7Bname%7D%3C%2Fp%3E`,
			]);
			expect(files()?.get('order/thanks.html')).toBe('<p>Thanks, {name}</p>');

			const read = await t.run('getFile', { ...on, filePath: 'order/thanks.html' });
			expect(read.data).toEqual({ path: 'order/thanks.html', content: '<p>Thanks, {name}</p>' });

			const listed = await t.run('getFiles', on);
			// every file and folder below the top folder, which is not an entry itself
			expect(listed.data.every((entry) => entry.path && !('children' in entry))).toBe(true);
			expect(listed.data).toEqual(
				expect.arrayContaining([
					expect.objectContaining({ path: 'order', type: 'directory' }),
					expect.objectContaining({ path: 'order/thanks.html', type: 'file', ext: 'html' }),
				]),
			);

			await t.run('updateFile', { ...on, filePath: 'order/thanks.html', content: 'Bye' });
			expect(files()?.get('order/thanks.html')).toBe('Bye');

			const deleted = await t.run('deleteFile', { ...on, filePath: 'order/thanks.html' });
			expect(deleted.data).toEqual({ path: 'order/thanks.html', deleted: true });
			expect(files()?.has('order/thanks.html')).toBe(false);
		});

		test('a path that leaves the archive is refused before anything is sent', async () => {
			const { error } = await t.run('getFile', { ...on, filePath: '../../etc/passwd' });
			expect(error?.context?.code).toBe('INVALID_INPUT');
			expect(t.requests()).toHaveLength(0);
		});

		test('a file that is not there is Keitaro’s 404', async () => {
			const { error } = await t.run('updateFile', {
				...on,
				filePath: 'missing.html',
				content: 'x',
			});
			expect(error?.httpCode).toBe('404');
			expect(error?.message).toContain('File missing.html not found');
		});
	});
}
