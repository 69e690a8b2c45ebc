import { create, read, readByPost } from '../../../../nodes/Kie/client/endpointRows';
import { ENDPOINTS } from '../../../../nodes/Kie/client/endpoints';

describe('endpoint rows', () => {
	it('a create is a POST sent once, waited on for 60 s unless its row says otherwise', () => {
		expect(create('/api/v1/x')).toEqual({
			host: 'api',
			method: 'POST',
			path: '/api/v1/x',
			timeoutMs: 60_000,
			retry: 'create',
		});
		expect(create('/api/v1/x', 5_000).timeoutMs).toBe(5_000);
	});

	it('a read is a GET repeated on transient failures, waited on for 30 s', () => {
		expect(read('/api/v1/x/record-info')).toEqual({
			host: 'api',
			method: 'GET',
			path: '/api/v1/x/record-info',
			timeoutMs: 30_000,
			retry: 'read',
		});
	});

	it('a read by POST is repeated like a read, waited on for 60 s', () => {
		expect(readByPost('/api/v1/common/download-url')).toEqual({
			host: 'api',
			method: 'POST',
			path: '/api/v1/common/download-url',
			timeoutMs: 60_000,
			retry: 'read',
		});
	});

	it('the chat and tool rows in the table say what each request does', () => {
		expect(ENDPOINTS['chat.claude']).toEqual({
			host: 'api',
			method: 'POST',
			path: '/claude/v1/messages',
			timeoutMs: 300_000,
			retry: 'create',
		});
		expect(ENDPOINTS['suno-wav.generate']).toEqual(create('/api/v1/wav/generate'));
		expect(ENDPOINTS['suno-wav.status']).toEqual(read('/api/v1/wav/record-info'));
		expect(ENDPOINTS['4o-image.downloadUrl']).toEqual(
			readByPost('/api/v1/gpt4o-image/download-url'),
		);
		expect(ENDPOINTS['market.create'].timeoutMs).toBe(60_000);
		expect(ENDPOINTS['market.status'].timeoutMs).toBe(30_000);
	});
});
